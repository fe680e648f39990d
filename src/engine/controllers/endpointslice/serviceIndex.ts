// Indexes shared by the EndpointSlice and Endpoints controllers: Service <-> Pod by selector without scanning every
// Service per pod event (the role of pkg/controller/util/endpoint GetPodServiceMemberships + the service lister).
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { InformerFactory } from '../../client/informer';
import { NO_KEYS } from '../../client/controller';
import type { KubeObject, ObjectKey } from '../../types/object';
import { objectKey } from '../../types/object';

/** services: `<ns>/<k>=<v>` for the first (sorted) pair of the selector */
export const SERVICE_SELECTOR_INDEX = 'endpoints:selector-pair';
/** services: `<ns>` of each Service with a selector (lets a pod event in a namespace without one skip the lookups) */
export const SERVICE_SELECTOR_NS_INDEX = 'endpoints:selector-namespace';
/** pods: `<ns>/<k>=<v>` for every label */
export const POD_LABEL_INDEX = 'endpoints:label-pair';
/** endpointslices: `<ns>/<kubernetes.io/service-name>` */
export const SLICE_SERVICE_INDEX = 'endpointslices:service-name';

export function selectorOf(svc: Readonly<KubeObject>): Record<string, string> | undefined {
  const spec = (svc as Readonly<Service>).spec;
  const sel = spec?.selector;
  if (!sel || Object.keys(sel).length === 0) return undefined;
  return sel;
}

function firstPair(ns: string, sel: Record<string, string>): string {
  const k = Object.keys(sel).sort()[0] as string;
  return `${ns}/${k}=${sel[k] ?? ''}`;
}

export function selectorMatches(
  sel: Record<string, string>,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  for (const k in sel) if (labels?.[k] !== sel[k]) return false;
  return true;
}

export function addEndpointIndexers(informers: InformerFactory): void {
  informers.for('services').addIndexer(SERVICE_SELECTOR_INDEX, (o) => {
    const sel = selectorOf(o);
    return sel ? [firstPair(o.metadata.namespace ?? '', sel)] : [];
  });
  informers
    .for('services')
    .addIndexer(SERVICE_SELECTOR_NS_INDEX, (o) => (selectorOf(o) ? [o.metadata.namespace ?? ''] : []));
  informers.for('pods').addIndexer(
    POD_LABEL_INDEX,
    (o) => {
      const ns = o.metadata.namespace ?? '';
      return Object.entries(o.metadata.labels ?? {}).map(([k, v]) => `${ns}/${k}=${v}`);
    },
    (o) => o.metadata.labels,
  );
  informers.for('endpointslices').addIndexer(SLICE_SERVICE_INDEX, (o) => {
    const name = o.metadata.labels?.['kubernetes.io/service-name'];
    return name ? [`${o.metadata.namespace ?? ''}/${name}`] : [];
  });
}

/** keys of the Services whose selector matches pod (GetPodServiceMemberships) */
export function servicesForPod(informers: InformerFactory, pod: Readonly<KubeObject>): ObjectKey[] {
  const services = informers.for('services');
  const ns = pod.metadata.namespace ?? '';
  if (!services.hasIndexValue(SERVICE_SELECTOR_NS_INDEX, ns)) return [];
  const labels = pod.metadata.labels;
  const out = new Set<ObjectKey>();
  for (const k in labels) {
    const pair = `${ns}/${k}=${labels[k]}`;
    if (!services.hasIndexValue(SERVICE_SELECTOR_INDEX, pair)) continue;
    for (const svc of services.byIndex(SERVICE_SELECTOR_INDEX, pair)) {
      const sel = selectorOf(svc);
      if (sel && selectorMatches(sel, labels)) out.add(objectKey(svc));
    }
  }
  return [...out];
}

/** the pods a Service selects, from the pod label index */
export function podsForService(informers: InformerFactory, svc: Readonly<KubeObject>): Readonly<Pod>[] {
  const sel = selectorOf(svc);
  if (!sel) return [];
  const candidates = informers
    .for('pods')
    .byIndex(POD_LABEL_INDEX, firstPair(svc.metadata.namespace ?? '', sel));
  return candidates.filter((p) => selectorMatches(sel, p.metadata.labels)) as Readonly<Pod>[];
}

const fingerprints = new WeakMap<object, string>();

/**
 * what of a pod the endpoints depend on (podEndpointsChanged + label changes), to skip irrelevant pod updates;
 * memoized per (frozen, shared) object so every informer handler computes it once
 */
export function podEndpointFingerprint(pod: Readonly<KubeObject>): string {
  const memo = fingerprints.get(pod);
  if (memo !== undefined) return memo;
  const p = pod as Readonly<Pod>;
  let fp = '';
  const labels = p.metadata?.labels;
  for (const k in labels) fp += k + '=' + labels[k] + ',';
  const st = p.status;
  fp += '|' + (st?.podIP ?? '') + '|';
  const ips = st?.podIPs;
  if (ips) for (let i = 0; i < ips.length; i++) fp += (i ? ',' : '') + (ips[i]?.ip ?? '');
  let ready = '';
  const conds = st?.conditions;
  if (conds)
    for (const c of conds)
      if (c.type === 'Ready') {
        ready = c.status;
        break;
      }
  fp += '|' + (st?.phase ?? '') + '|' + ready + '|' + (p.metadata?.deletionTimestamp ?? '') + '|';
  const spec = p.spec;
  fp += (spec?.nodeName ?? '') + '|' + (spec?.hostname ?? '') + '|' + (spec?.subdomain ?? '') + '|';
  if (spec)
    for (const c of spec.containers ?? [])
      if (c.ports)
        for (const x of c.ports)
          fp += (x.name ?? '') + ':' + x.containerPort + '/' + (x.protocol ?? '') + ',';
  fingerprints.set(pod, fp);
  return fp;
}

/**
 * keysFor pods with change filtering: a pod event whose endpoint-relevant fields did not change maps to no Service.
 * The framework calls keysFor for the new and then the old object of an update, and after removal on delete.
 */
export function podKeysFor(
  informers: InformerFactory,
  seen: Map<ObjectKey, string>,
  pod: Readonly<KubeObject>,
): readonly ObjectKey[] {
  // no Service in the namespace selects anything: nothing to map to, and nothing to remember (a Service created
  // later lists its pods itself)
  if (!informers.for('services').hasIndexValue(SERVICE_SELECTOR_NS_INDEX, pod.metadata.namespace ?? '')) {
    if (seen.size > 0) seen.delete(objectKey(pod));
    return NO_KEYS;
  }
  const key = objectKey(pod);
  const fp = podEndpointFingerprint(pod);
  const cached = informers.for('pods').get(key);
  if (!cached) {
    seen.delete(key);
    return servicesForPod(informers, pod);
  }
  if (seen.get(key) === fp) return [];
  // only the cached (newest) version updates the record; an old version that differs still maps to its Services
  if (podEndpointFingerprint(cached) === fp) seen.set(key, fp);
  return servicesForPod(informers, pod);
}
