// The legacy Endpoints capacity limit. mirrors pkg/controller/endpoint/endpoints_controller.go truncateEndpoints,
// addressSubset and capacityAnnotationSetCorrectly.
import type { EndpointSubset } from 'kubernetes-types/core/v1';

/** maxCapacity: addresses an Endpoints object keeps */
export const MAX_ENDPOINTS_CAPACITY = 1000;
/** v1.EndpointsOverCapacity */
export const OVER_CAPACITY_ANNOTATION = 'endpoints.kubernetes.io/over-capacity';

function count(subsets: readonly EndpointSubset[]): { ready: number; notReady: number } {
  let ready = 0;
  let notReady = 0;
  for (const s of subsets) {
    ready += (s.addresses ?? []).length;
    notReady += (s.notReadyAddresses ?? []).length;
  }
  return { ready, notReady };
}

/**
 * truncateEndpoints: over capacity, ready addresses are kept first and each subset keeps its share (rounded up);
 * returns the truncated subsets, or undefined when under capacity
 */
export function truncateSubsets(
  subsets: readonly EndpointSubset[],
  maxCapacity = MAX_ENDPOINTS_CAPACITY,
): EndpointSubset[] | undefined {
  const { ready, notReady } = count(subsets);
  if (ready + notReady <= maxCapacity) return undefined;
  const truncateReady = ready > maxCapacity;
  const max = truncateReady ? maxCapacity : maxCapacity - ready;
  const numTotal = truncateReady ? ready : notReady;
  let canBeAdded = max;
  return subsets.map((s) => {
    const inSubset = truncateReady ? (s.addresses ?? []).length : (s.notReadyAddresses ?? []).length;
    const toBeAdded = Math.min(Math.ceil((inSubset / numTotal) * max), canBeAdded);
    const out: EndpointSubset = { ...s };
    if (truncateReady) {
      out.addresses = (s.addresses ?? []).slice(0, toBeAdded);
      delete out.notReadyAddresses;
      canBeAdded -= out.addresses.length;
    } else {
      out.notReadyAddresses = (s.notReadyAddresses ?? []).slice(0, toBeAdded);
      canBeAdded -= out.notReadyAddresses.length;
    }
    // omitempty: empty address lists are not serialized
    if (out.addresses?.length === 0) delete out.addresses;
    if (out.notReadyAddresses?.length === 0) delete out.notReadyAddresses;
    return out;
  });
}

/** capacityAnnotationSetCorrectly: under capacity the annotation must be absent */
export function capacityAnnotationSetCorrectly(
  annotations: Readonly<Record<string, string>> | undefined,
  subsets: readonly EndpointSubset[],
  maxCapacity = MAX_ENDPOINTS_CAPACITY,
): boolean {
  const { ready, notReady } = count(subsets);
  if (ready + notReady > maxCapacity) return false;
  return annotations?.[OVER_CAPACITY_ANNOTATION] === undefined;
}
