// The pure EndpointSlice reconciler: from a Service, its pods and its existing slices to slices to create, update
// and delete. mirrors staging/src/k8s.io/endpointslice/reconciler.go (Reconcile, reconcileByAddressType,
// reconcileByPortMapping, finalize's create-to-update recycling) and trafficDistribution hints, without the
// topology-mode annotation's hints (topologycache).
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import { cloneJson } from '../../types/json';
import { EndpointSet, endpointsEqualBeyondHash, portMapKey } from './endpointSet';
import {
  getAddressTypesForService,
  getEndpointPorts,
  podToEndpoint,
  shouldPodBeInEndpoints,
} from './podToEndpoint';
import {
  getSliceToFill,
  isSamePlaceholder,
  newEndpointSlice,
  ownedBy,
  setEndpointSliceLabels,
} from './sliceMeta';
import type { AddressType, EndpointSliceObject } from './types';
import { reconcileHints, topologyHintsAnnotated, unchangedSlices } from './trafficDist';
import { CONTROLLER_NAME } from './types';

export const DEFAULT_MAX_ENDPOINTS_PER_SLICE = 100;

export interface ReconcileInput {
  service: Readonly<Service>;
  pods: readonly Readonly<Pod>[];
  existingSlices: readonly Readonly<EndpointSliceObject>[];
  getNode(name: string): Readonly<Node> | undefined;
  maxEndpointsPerSlice?: number;
  controllerName?: string;
}

export interface ReconcilePlan {
  toCreate: EndpointSliceObject[];
  toUpdate: EndpointSliceObject[];
  toDelete: EndpointSliceObject[];
  /** pods skipped (their Node is missing): the Service is retried */
  errors: string[];
}

interface Ctx {
  svc: Readonly<Service>;
  max: number;
  controllerName: string;
}

/** Reconcile: slices of address types the Service no longer has go; each remaining type is reconciled */
export function reconcile(input: ReconcileInput): ReconcilePlan {
  const ctx: Ctx = {
    svc: input.service,
    max: input.maxEndpointsPerSlice ?? DEFAULT_MAX_ENDPOINTS_PER_SLICE,
    controllerName: input.controllerName ?? CONTROLLER_NAME,
  };
  const plan: ReconcilePlan = { toCreate: [], toUpdate: [], toDelete: [], errors: [] };
  const types = getAddressTypesForService(input.service);
  const byType = new Map<AddressType, Readonly<EndpointSliceObject>[]>();
  const unsupported: EndpointSliceObject[] = [];
  for (const s of input.existingSlices) {
    if (!types.includes(s.addressType)) unsupported.push(s as EndpointSliceObject);
    else byType.set(s.addressType, [...(byType.get(s.addressType) ?? []), s]);
  }
  for (const t of types) {
    const p = reconcileByAddressType(ctx, input, byType.get(t) ?? [], t);
    plan.toCreate.push(...p.toCreate);
    plan.toUpdate.push(...p.toUpdate);
    plan.toDelete.push(...p.toDelete);
    plan.errors.push(...p.errors);
  }
  plan.toDelete.push(...unsupported);
  return plan;
}

function reconcileByAddressType(
  ctx: Ctx,
  input: ReconcileInput,
  existing: readonly Readonly<EndpointSliceObject>[],
  addressType: AddressType,
): ReconcilePlan {
  const svc = ctx.svc;
  const plan: ReconcilePlan = { toCreate: [], toUpdate: [], toDelete: [], errors: [] };
  const existingByPortMap = new Map<string, Readonly<EndpointSliceObject>[]>();
  for (const s of existing) {
    if (!ownedBy(s, svc)) {
      plan.toDelete.push(s as EndpointSliceObject);
      continue;
    }
    const k = portMapKey(s.ports ?? []);
    existingByPortMap.set(k, [...(existingByPortMap.get(k) ?? []), s]);
  }
  const desired = new Map<string, { ports: EndpointPort[]; set: EndpointSet }>();
  for (const pod of input.pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = getEndpointPorts(svc, pod);
    const k = portMapKey(ports);
    let group = desired.get(k);
    if (!group) desired.set(k, (group = { ports, set: new EndpointSet() }));
    const nodeName = pod.spec?.nodeName ?? '';
    const node = input.getNode(nodeName);
    if (!node && !svc.spec?.publishNotReadyAddresses) {
      plan.errors.push(
        `skipping Pod ${pod.metadata?.name ?? ''} for Service ${svc.metadata?.namespace ?? ''}/${svc.metadata?.name ?? ''}: Node ${nodeName} Not Found`,
      );
      continue;
    }
    const ep = podToEndpoint(pod, node, svc, addressType);
    if (ep.addresses.length > 0) group.set.insert(ep);
  }
  for (const [k, group] of desired) {
    const p = reconcileByPortMapping(
      ctx,
      existingByPortMap.get(k) ?? [],
      group.set,
      group.ports,
      addressType,
    );
    plan.toCreate.push(...p.toCreate);
    plan.toUpdate.push(...p.toUpdate);
    plan.toDelete.push(...p.toDelete);
  }
  for (const [k, slices] of existingByPortMap)
    if (!desired.has(k)) plan.toDelete.push(...(slices as EndpointSliceObject[]));
  // no slices would remain: keep (or create) exactly one placeholder
  if (existing.length === plan.toDelete.length && plan.toCreate.length < 1) {
    const placeholder = newEndpointSlice(svc, [], addressType, ctx.controllerName);
    const only = plan.toDelete[0];
    if (plan.toDelete.length === 1 && only && isSamePlaceholder(only, placeholder)) plan.toDelete = [];
    else plan.toCreate.push(placeholder);
  }
  // reconcileByAddressType: canUseTrafficDistribution (the feature is GA) unless topology-mode hints are asked for
  if (!topologyHintsAnnotated(svc))
    reconcileHints(
      svc.spec?.trafficDistribution,
      plan.toCreate,
      plan.toUpdate,
      unchangedSlices(existing, plan.toUpdate, plan.toDelete),
    );
  return finalizePlan(svc, plan);
}

/** finalize: creates become updates of slices that would be deleted (same addressType, owned by the Service) */
export function finalizePlan(svc: Readonly<Service>, plan: ReconcilePlan): ReconcilePlan {
  const toDelete = [...plan.toDelete];
  const toCreate = [...plan.toCreate];
  const toUpdate = [...plan.toUpdate];
  for (let i = 0; i < toDelete.length;) {
    const slice = toCreate[toCreate.length - 1];
    if (!slice) break;
    const del = toDelete[i] as EndpointSliceObject;
    if (del.addressType === slice.addressType && ownedBy(del, svc)) {
      slice.metadata.name = del.metadata.name;
      toCreate.pop();
      toUpdate.push(slice);
      toDelete.splice(i, 1);
    } else i++;
  }
  return { toCreate, toUpdate, toDelete, errors: plan.errors };
}

function copySlice(s: Readonly<EndpointSliceObject>): EndpointSliceObject {
  return cloneJson(s) as EndpointSliceObject;
}

/** reconcileByPortMapping: keep and refresh desired endpoints in place, then fill updated slices, then fill or create */
export function reconcileByPortMapping(
  ctx: Ctx,
  existing: readonly Readonly<EndpointSliceObject>[],
  desired: EndpointSet,
  ports: EndpointPort[],
  addressType: AddressType,
): ReconcilePlan {
  const byName = new Map<string, EndpointSliceObject>();
  const unchanged = new Set<string>();
  const toUpdate = new Set<string>();
  const toDelete = new Set<string>();
  // 1. keep desired endpoints (refreshed), drop the rest
  for (const s of existing) {
    const name = s.metadata.name ?? '';
    byName.set(name, s as EndpointSliceObject);
    const kept: Endpoint[] = [];
    let endpointUpdated = false;
    for (const ep of s.endpoints ?? []) {
      const got = desired.get(ep);
      if (!got) continue;
      kept.push(got);
      if (!endpointsEqualBeyondHash(got, ep)) endpointUpdated = true;
      desired.delete(ep);
    }
    const { labels, changed } = setEndpointSliceLabels(s, ctx.svc, ctx.controllerName);
    if (endpointUpdated || (s.endpoints ?? []).length !== kept.length) {
      if (kept.length === 0) toDelete.add(name);
      else {
        const copy = copySlice(s);
        copy.endpoints = kept;
        copy.metadata.labels = labels;
        byName.set(name, copy);
        toUpdate.add(name);
      }
    } else if (changed) {
      const copy = copySlice(s);
      copy.metadata.labels = labels;
      byName.set(name, copy);
      toUpdate.add(name);
    } else unchanged.add(name);
  }
  // 2. fill the slices already being updated, fullest first
  if (desired.size > 0 && toUpdate.size > 0) {
    const slices = [...toUpdate].map((n) => byName.get(n) as EndpointSliceObject);
    slices.sort((a, b) => b.endpoints.length - a.endpoints.length);
    for (const slice of slices) {
      while (desired.size > 0 && slice.endpoints.length < ctx.max)
        slice.endpoints.push(desired.pop() as Endpoint);
    }
  }
  // 3. fit the rest into an unchanged slice when it fits, else create slices
  const toCreate: EndpointSliceObject[] = [];
  while (desired.size > 0) {
    let fill: EndpointSliceObject | undefined;
    if (desired.size < ctx.max && unchanged.size > 0) {
      const candidates = [...unchanged].map((n) => byName.get(n) as EndpointSliceObject);
      const pick = getSliceToFill(candidates, desired.size, ctx.max);
      if (pick) {
        fill = copySlice(pick);
        byName.set(pick.metadata.name ?? '', fill);
      }
    }
    fill ??= newEndpointSlice(ctx.svc, ports, addressType, ctx.controllerName);
    while (desired.size > 0 && fill.endpoints.length < ctx.max)
      fill.endpoints.push(desired.pop() as Endpoint);
    if (fill.metadata.name) {
      toUpdate.add(fill.metadata.name);
      unchanged.delete(fill.metadata.name);
    } else toCreate.push(fill);
  }
  return {
    toCreate,
    toUpdate: [...toUpdate].map((n) => byName.get(n) as EndpointSliceObject),
    toDelete: [...toDelete].map((n) => byName.get(n) as EndpointSliceObject),
    errors: [],
  };
}
