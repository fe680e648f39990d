// The get and list verbs: label selectors through the store's index, field selectors by each kind's selectable fields.
import type { KubeObject } from '../types/object';
import type { Selector, FieldSelector } from '../labels/types';
import { registryPrefix } from '../store/keys';
import type { ListOpts, ObjectList, ResourceInfo } from './types';
import { apiVersionOf } from './types';
import { resolveResource } from './registry';
import { newBadRequest, newNotFound } from './errors';
import type { ServerCore } from './core';
import { keyOf, requestNamespace } from './core';
import { checkFieldSelector, matchesFieldSelector } from './fieldSets';
import { parseSelector } from '../labels/selector';
import { parseFieldSelector } from '../labels/fieldSelector';

export function getObject(
  core: ServerCore,
  resource: string,
  namespace: string | undefined,
  name: string,
): KubeObject {
  const res = resolveResource(resource);
  const ns = requestNamespace(res, namespace);
  const kv = core.store.get(keyOf(res, ns, name));
  if (!kv) throw newNotFound(res, name);
  return kv.value as KubeObject;
}

export interface Selectors {
  label: Selector;
  field: FieldSelector;
}

/** parse ?labelSelector= and ?fieldSelector= as the API server does: any parse failure is a 400 */
export function parseSelectors(res: ResourceInfo, labelSelector?: string, fieldSelector?: string): Selectors {
  let label: Selector;
  let field: FieldSelector;
  try {
    label = parseSelector(labelSelector ?? '');
    field = parseFieldSelector(fieldSelector ?? '');
  } catch (e) {
    throw newBadRequest(e instanceof Error ? e.message : String(e));
  }
  checkFieldSelector(res, field);
  return { label, field };
}

export function matchesSelectors(res: ResourceInfo, sel: Selectors, obj: Readonly<KubeObject>): boolean {
  return sel.label.matches(obj.metadata.labels) && matchesFieldSelector(res, sel.field, obj);
}

/** namespace undefined on a namespaced resource lists every namespace */
export function listPrefix(res: ResourceInfo, namespace: string | undefined): string {
  return registryPrefix(res.plural, res.namespaced ? namespace || undefined : undefined);
}

export function listObjects(
  core: ServerCore,
  resource: string,
  namespace: string | undefined,
  opts: ListOpts = {},
): ObjectList {
  const res = resolveResource(resource);
  const sel = parseSelectors(res, opts.labelSelector, opts.fieldSelector);
  const prefix = listPrefix(res, namespace);
  const labelSelector = sel.label.empty() ? undefined : sel.label;
  const limit = opts.limit && opts.limit > 0 ? opts.limit : undefined;
  let items: KubeObject[];
  let continueKey: string | undefined;
  let revision: number;
  if (sel.field.empty()) {
    const r = core.store.list(prefix, { labelSelector, limit, continueKey: opts.continue });
    items = r.items.map((kv) => kv.value as KubeObject);
    continueKey = r.continueKey;
    revision = r.revision;
  } else {
    const r = core.store.list(prefix, { labelSelector, continueKey: opts.continue });
    revision = r.revision;
    const matched = r.items.filter((kv) => matchesFieldSelector(res, sel.field, kv.value));
    const page = limit !== undefined && matched.length > limit ? matched.slice(0, limit) : matched;
    if (page.length < matched.length) continueKey = page[page.length - 1]?.key;
    items = page.map((kv) => kv.value as KubeObject);
  }
  const metadata: ObjectList['metadata'] = { resourceVersion: String(revision) };
  if (continueKey) metadata.continue = continueKey;
  return { apiVersion: apiVersionOf(res), kind: `${res.kind}List`, metadata, items };
}
