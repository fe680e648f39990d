// Hints for Service.spec.trafficDistribution: mirrors staging/src/k8s.io/endpointslice/trafficdist/trafficdist.go
// (ReconcileHints, defaultHeuristic, preferCloseHeuristic) and reconciler.go unchangedSlices / hintsEnabled.
import type { Endpoint, EndpointHints } from 'kubernetes-types/discovery/v1';
import type { Service } from 'kubernetes-types/core/v1';
import { cloneJson } from '../../types/json';
import type { EndpointSliceObject } from './types';

/** closeTrafficDistribution: the values preferCloseHeuristic serves */
const CLOSE = new Set(['PreferClose', 'PreferSameZone', 'PreferSameNode']);

/**
 * reconciler.go hintsEnabled: the topology-mode (or deprecated topology-aware-hints) annotation asks for the
 * topology cache's hints, which take precedence over trafficDistribution (canUseTrafficDistribution is false).
 */
export function topologyHintsAnnotated(svc: Readonly<Service>): boolean {
  const a = svc.metadata?.annotations ?? {};
  const mode =
    a['service.kubernetes.io/topology-mode'] ?? a['service.kubernetes.io/topology-aware-hints'] ?? '';
  return mode !== '' && mode !== 'Disabled' && mode !== 'disabled';
}

interface Heuristic {
  needsUpdate(slice: Readonly<EndpointSliceObject>): boolean;
  update(slice: EndpointSliceObject): void;
}

/** discovery/v1 EndpointHints with forNodes (v1.33+), which kubernetes-types does not have yet */
type Hints = EndpointHints & { forNodes?: { name: string }[] };
const hintsOf = (ep: Readonly<Endpoint>): Hints | undefined => ep.hints;

const endpointReady = (ep: Readonly<Endpoint>) => ep.conditions?.ready === true;

/** defaultHeuristic: cluster-wide routing, every hint goes */
const defaultHeuristic: Heuristic = {
  needsUpdate: (slice) => slice.endpoints.some((ep) => ep.hints !== undefined),
  update: (slice) => {
    for (const ep of slice.endpoints) delete ep.hints;
  },
};

/** preferCloseHeuristic: ready endpoints get a hint for their own zone (and, for PreferSameNode, their node) */
function preferClose(generateNodeHints: boolean): Heuristic {
  return {
    needsUpdate(slice) {
      for (const ep of slice.endpoints) {
        if (!endpointReady(ep)) continue;
        const zones = hintsOf(ep)?.forZones ?? [];
        const nodes = hintsOf(ep)?.forNodes ?? [];
        if (ep.zone !== undefined) {
          if (zones.length !== 1 || zones[0]?.name !== ep.zone) return true;
        } else if (zones.length > 0) return true;
        if (ep.nodeName !== undefined && generateNodeHints) {
          if (nodes.length !== 1 || nodes[0]?.name !== ep.nodeName) return true;
        } else if (nodes.length > 0) return true;
      }
      return false;
    },
    update(slice) {
      for (const ep of slice.endpoints) {
        if (!endpointReady(ep)) continue;
        const forZones = ep.zone !== undefined ? [{ name: ep.zone }] : undefined;
        const forNodes = ep.nodeName !== undefined && generateNodeHints ? [{ name: ep.nodeName }] : undefined;
        const hints: Hints = { ...(forZones && { forZones }), ...(forNodes && { forNodes }) };
        if (forZones || forNodes) ep.hints = hints;
        else delete ep.hints;
      }
    },
  };
}

/**
 * ReconcileHints: unchanged slices whose hints are missing or stale join the updates (as copies); every slice
 * created or updated gets the heuristic's hints. `unchanged` are the existing slices neither updated nor deleted.
 */
export function reconcileHints(
  trafficDistribution: string | undefined,
  toCreate: EndpointSliceObject[],
  toUpdate: EndpointSliceObject[],
  unchanged: readonly Readonly<EndpointSliceObject>[],
): void {
  const h =
    trafficDistribution !== undefined && CLOSE.has(trafficDistribution)
      ? preferClose(trafficDistribution === 'PreferSameNode')
      : defaultHeuristic;
  for (const s of unchanged) if (h.needsUpdate(s)) toUpdate.push(cloneJson(s) as EndpointSliceObject);
  for (const s of toCreate) h.update(s);
  for (const s of toUpdate) h.update(s);
}

/** reconciler.go unchangedSlices: existing slices named in neither the updates nor the deletes */
export function unchangedSlices(
  existing: readonly Readonly<EndpointSliceObject>[],
  toUpdate: readonly EndpointSliceObject[],
  toDelete: readonly EndpointSliceObject[],
): Readonly<EndpointSliceObject>[] {
  const changed = new Set([...toUpdate, ...toDelete].map((s) => s.metadata.name ?? ''));
  return existing.filter((s) => !changed.has(s.metadata.name ?? ''));
}
