// New slices, their labels and ownership. mirrors staging/src/k8s.io/endpointslice/utils.go (newEndpointSlice,
// setEndpointSliceLabels, getEndpointSlicePrefix, ownedBy, getSliceToFill) and reconciler.go placeholderSliceCompare.
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointPort } from 'kubernetes-types/discovery/v1';
import type { AddressType, EndpointSliceObject } from './types';
import { LABEL_HEADLESS, LABEL_MANAGED_BY, LABEL_SERVICE_NAME } from './types';
import { sameLabels } from '../../labels/sameLabels';

const isReserved = (k: string) => k === LABEL_SERVICE_NAME || k === LABEL_MANAGED_BY || k === LABEL_HEADLESS;

/** helper.IsServiceIPSet */
export function isServiceIPSet(svc: Readonly<Service>): boolean {
  const ip = svc.spec?.clusterIP ?? '';
  return ip !== '' && ip !== 'None';
}

/** setEndpointSliceLabels: the Service's labels (reserved keys skipped) plus the controller's; changed = Service labels differ */
export function setEndpointSliceLabels(
  slice: Readonly<EndpointSliceObject> | undefined,
  svc: Readonly<Service>,
  controllerName: string,
): { labels: Record<string, string>; changed: boolean } {
  const sliceLabels: Record<string, string> = {};
  for (const [k, v] of Object.entries(slice?.metadata.labels ?? {})) if (!isReserved(k)) sliceLabels[k] = v;
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata?.labels ?? {})) if (!isReserved(k)) labels[k] = v;
  const changed = !sameLabels(sliceLabels, labels);
  if (!isServiceIPSet(svc)) labels[LABEL_HEADLESS] = '';
  labels[LABEL_SERVICE_NAME] = svc.metadata?.name ?? '';
  labels[LABEL_MANAGED_BY] = controllerName;
  return { labels, changed };
}

/** getEndpointSlicePrefix: `<svc>-` */
export function endpointSlicePrefix(serviceName: string): string {
  return `${serviceName}-`;
}

/** newEndpointSlice: no name yet (generateName), controller ownerRef to the Service */
export function newEndpointSlice(
  svc: Readonly<Service>,
  ports: EndpointPort[],
  addressType: AddressType,
  controllerName: string,
): EndpointSliceObject {
  const slice: EndpointSliceObject = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: endpointSlicePrefix(svc.metadata?.name ?? ''),
      namespace: svc.metadata?.namespace ?? '',
      labels: {},
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Service',
          name: svc.metadata?.name ?? '',
          uid: svc.metadata?.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    addressType,
    endpoints: [],
    ports,
  };
  slice.metadata.labels = setEndpointSliceLabels(slice, svc, controllerName).labels;
  return slice;
}

/** ownedBy: a controller ownerRef naming this Service's UID */
export function ownedBy(slice: Readonly<EndpointSliceObject>, svc: Readonly<Service>): boolean {
  return (slice.metadata.ownerReferences ?? []).some(
    (r) => r.uid === svc.metadata?.uid && r.kind === 'Service' && r.apiVersion === 'v1',
  );
}

/** placeholderSliceCompare.DeepEqual: namespace, labels, ownerRefs, addressType, ports and endpoints */
export function isSamePlaceholder(
  a: Readonly<EndpointSliceObject>,
  b: Readonly<EndpointSliceObject>,
): boolean {
  return (
    a.metadata.namespace === b.metadata.namespace &&
    sameLabels(a.metadata.labels ?? {}, b.metadata.labels ?? {}) &&
    JSON.stringify(a.metadata.ownerReferences ?? []) === JSON.stringify(b.metadata.ownerReferences ?? []) &&
    a.addressType === b.addressType &&
    (a.ports ?? []).length === 0 &&
    (b.ports ?? []).length === 0 &&
    (a.endpoints ?? []).length === 0 &&
    (b.endpoints ?? []).length === 0
  );
}

/** getSliceToFill: the slice the remaining endpoints would leave closest to full */
export function getSliceToFill<T extends { endpoints: readonly unknown[] }>(
  slices: readonly T[],
  numEndpoints: number,
  maxEndpoints: number,
): T | undefined {
  let closestDiff = maxEndpoints;
  let closest: T | undefined;
  for (const s of slices) {
    const diff = maxEndpoints - (numEndpoints + s.endpoints.length);
    if (diff >= 0 && diff < closestDiff) {
      closestDiff = diff;
      closest = s;
      if (diff === 0) return closest;
    }
  }
  return closest;
}
