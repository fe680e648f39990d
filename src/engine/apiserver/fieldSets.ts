// The selectable fields of each kind (ToSelectableFields in pkg/registry/*/strategy.go) and field-selector checks.
import type { KubeObject } from '../types/object';
import type { FieldSelector } from '../labels/types';
import type { ResourceInfo } from './types';
import { getPath } from './objectUtil';
import { newBadRequest } from './errors';

type FieldSet = Record<string, string>;

function str(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : String(v);
}

function paths(obj: Readonly<KubeObject>, list: readonly string[]): FieldSet {
  const out: FieldSet = {};
  for (const p of list) out[p] = str(getPath(obj, p));
  return out;
}

const EVENT_INVOLVED = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'];

/** kind-specific selectable fields beyond metadata.name/metadata.namespace */
const SPECIFIC: Record<string, (o: Readonly<KubeObject>) => FieldSet> = {
  // pkg/registry/core/pod/strategy.go ToSelectableFields
  Pod: (o) => {
    const podIPs = getPath(o, 'status.podIPs') as { ip?: string }[] | undefined;
    const hostNetwork = getPath(o, 'spec.hostNetwork') === true;
    return {
      ...paths(o, [
        'spec.nodeName',
        'spec.restartPolicy',
        'spec.schedulerName',
        'spec.serviceAccountName',
        'status.phase',
        'status.nominatedNodeName',
      ]),
      'spec.hostNetwork': String(hostNetwork),
      'status.podIP': str(podIPs?.[0]?.ip ?? getPath(o, 'status.podIP')),
    };
  },
  // pkg/registry/core/event/strategy.go ToSelectableFields
  Event: (o) => {
    const out: FieldSet = {};
    for (const f of EVENT_INVOLVED) out[`involvedObject.${f}`] = str(getPath(o, `involvedObject.${f}`));
    out.reason = str(o.reason);
    out.reportingComponent = str(o.reportingComponent);
    out.source = str(getPath(o, 'source.component'));
    out.type = str(o.type);
    return out;
  },
  Secret: (o) => ({ type: str(o.type) }),
  Namespace: (o) => paths(o, ['status.phase']),
  Node: (o) => ({ 'spec.unschedulable': String(getPath(o, 'spec.unschedulable') === true) }),
  ReplicaSet: (o) => paths(o, ['status.replicas']),
  ReplicationController: (o) => paths(o, ['status.replicas']),
  Service: (o) => paths(o, ['spec.clusterIP', 'spec.type']),
};

/** the fields.Set a field selector is matched against (generic.AddObjectMetaFieldsSet + the kind's own) */
export function selectableFields(res: ResourceInfo, obj: Readonly<KubeObject>): FieldSet {
  const set: FieldSet = { 'metadata.name': str(obj.metadata.name) };
  if (res.namespaced) set['metadata.namespace'] = str(obj.metadata.namespace);
  const specific = SPECIFIC[res.kind];
  return specific ? { ...specific(obj), ...set } : set;
}

const SAMPLE_CACHE = new Map<string, ReadonlySet<string>>();

function supportedLabels(res: ResourceInfo): ReadonlySet<string> {
  let s = SAMPLE_CACHE.get(res.kind);
  if (!s) {
    const sample: KubeObject = { apiVersion: '', kind: res.kind, metadata: {} };
    s = new Set(Object.keys(selectableFields(res, sample)));
    SAMPLE_CACHE.set(res.kind, s);
  }
  return s;
}

/** the field label conversion check: an unknown field → 400 `field label not supported: X` */
export function checkFieldSelector(res: ResourceInfo, sel: FieldSelector): void {
  const supported = supportedLabels(res);
  for (const r of sel.requirements) {
    if (!supported.has(r.field)) throw newBadRequest(`field label not supported: ${r.field}`);
  }
}

export function matchesFieldSelector(
  res: ResourceInfo,
  sel: FieldSelector,
  obj: Readonly<KubeObject>,
): boolean {
  if (sel.empty()) return true;
  const fields = selectableFields(res, obj);
  for (const r of sel.requirements) {
    const v = fields[r.field] ?? '';
    if (r.operator === '!=' ? v === r.value : v !== r.value) return false;
  }
  return true;
}
