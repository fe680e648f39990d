// Indexes shared by the EndpointSlice and Endpoints controllers: Service <-> Pod by selector without scanning every
// Service per pod event (the role of pkg/controller/util/endpoint GetPodServiceMemberships + the service lister).
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { InformerFactory } from '../../client/informer';
import type { KubeObject, ObjectKey } from '../../types/object';
import { objectKey } from '../../types/object';

/** services: `<ns>/<k>=<v>` for the first (sorted) pair of the selector */
export const SERVICE_SELECTOR_INDEX = 'endpoints:selector-pair';
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
  informers.for('pods').addIndexer(POD_LABEL_INDEX, (o) => {
    const ns = o.metadata.namespace ?? '';
    return Object.entries(o.metadata.labels ?? {}).map(([k, v]) => `${ns}/${k}=${v}`);
  });
  informers.for('endpointslices').addIndexer(SLICE_SERVICE_INDEX, (o) => {
    const name = o.metadata.labels?.['kubernetes.io/service-name'];
    return name ? [`${o.metadata.namespace ?? ''}/${name}`] : [];
  });
}

/** keys of the Services whose selector matches pod (GetPodServiceMemberships) */
export function servicesForPod(informers: InformerFactory, pod: Readonly<KubeObject>): ObjectKey[] {
  const services = informers.for('services');
  const ns = pod.metadata.namespace ?? '';
  const out = new Set<ObjectKey>();
  for (const [k, v] of Object.entries(pod.metadata.labels ?? {})) {
    for (const svc of services.byIndex(SERVICE_SELECTOR_INDEX, `${ns}/${k}=${v}`)) {
      const sel = selectorOf(svc);
      if (sel && selectorMatches(sel, pod.metadata.labels)) out.add(objectKey(svc));
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
  for (const k in p.metadata?.labels ?? {}) fp += `${k}=${p.metadata?.labels?.[k] ?? ''},`;
  const st = p.status;
  fp += `|${st?.podIP ?? ''}|${(st?.podIPs ?? []).map((x) => x.ip).join(',')}|${st?.phase ?? ''}|`;
  fp += `${st?.conditions?.find((c) => c.type === 'Ready')?.status ?? ''}|${p.metadata?.deletionTimestamp ?? ''}|`;
  fp += `${p.spec?.nodeName ?? ''}|${p.spec?.hostname ?? ''}|${p.spec?.subdomain ?? ''}|`;
  for (const c of p.spec?.containers ?? [])
    for (const x of c.ports ?? []) fp += `${x.name ?? ''}:${x.containerPort}/${x.protocol ?? ''},`;
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
): ObjectKey[] {
  const key = objectKey(pod);
  const fp = podEndpointFingerprint(pod);
  if (!informers.for('pods').get(key)) {
    seen.delete(key);
    return servicesForPod(informers, pod);
  }
  if (seen.get(key) === fp) return [];
  const cached = informers.for('pods').get(key);
  // only the cached (newest) version updates the record; an old version that differs still maps to its Services
  if (cached && podEndpointFingerprint(cached) === fp) seen.set(key, fp);
  return servicesForPod(informers, pod);
}
