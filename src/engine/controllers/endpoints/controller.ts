// The legacy Endpoints controller (pkg/controller/endpoint/endpoints_controller.go syncService): one Endpoints
// object per Service with a selector, named after it, capped at 1000 addresses.
import type { Endpoints, Service } from 'kubernetes-types/core/v1';
import type { ControllerDefinition, ReconcileResult } from '../../client/controller';
import type { InformerFactory } from '../../client/informer';
import { StatusError } from '../../apiserver/types';
import type { KubeObject, ObjectKey } from '../../types/object';
import { objectKey, splitObjectKey } from '../../types/object';
import { cloneJson } from '../../types/json';
import { addEndpointIndexers, podKeysFor, podsForService, selectorOf } from '../endpointslice/serviceIndex';
import { TriggerTimeTracker } from '../endpointslice/triggerTime';
import { isServiceIPSet } from '../endpointslice/sliceMeta';
import { LABEL_HEADLESS, LAST_CHANGE_TRIGGER_TIME } from '../endpointslice/types';
import { desiredSubsets } from './desired';
import { OVER_CAPACITY_ANNOTATION, capacityAnnotationSetCorrectly, truncateSubsets } from './truncate';

export const ENDPOINTS_CONTROLLER_NAME = 'endpoint-controller';

interface ClusterState {
  trigger: TriggerTimeTracker;
  podsSeen: Map<ObjectKey, string>;
}

const states = new WeakMap<InformerFactory, ClusterState>();
function stateOf(inf: InformerFactory): ClusterState {
  let st = states.get(inf);
  if (!st) states.set(inf, (st = { trigger: new TriggerTimeTracker(), podsSeen: new Map() }));
  return st;
}

function withoutHeadless(labels: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out = { ...(labels ?? {}) };
  delete out[LABEL_HEADLESS];
  return out;
}

function sameMap(
  a: Readonly<Record<string, string>> | undefined,
  b: Readonly<Record<string, string>> | undefined,
): boolean {
  const x = a ?? {};
  const y = b ?? {};
  const kx = Object.keys(x);
  return kx.length === Object.keys(y).length && kx.every((k) => x[k] === y[k]);
}

/** the Endpoints object to write for svc, or undefined when the current one is already right */
export function desiredEndpoints(
  svc: Readonly<Service>,
  current: Readonly<Endpoints> | undefined,
  subsets: ReturnType<typeof desiredSubsets>,
  triggerTime: string | undefined,
): Endpoints | undefined {
  if (
    current &&
    JSON.stringify(current.subsets ?? []) === JSON.stringify(subsets) &&
    sameMap(withoutHeadless(current.metadata?.labels), svc.metadata?.labels) &&
    capacityAnnotationSetCorrectly(current.metadata?.annotations, current.subsets ?? [])
  ) {
    return undefined;
  }
  const next: Endpoints = current
    ? (cloneJson(current) as Endpoints)
    : {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name: svc.metadata?.name ?? '', namespace: svc.metadata?.namespace ?? '' },
      };
  const annotations: Record<string, string> = { ...(next.metadata?.annotations ?? {}) };
  if (triggerTime) annotations[LAST_CHANGE_TRIGGER_TIME] = triggerTime;
  else delete annotations[LAST_CHANGE_TRIGGER_TIME];
  const truncated = truncateSubsets(subsets);
  if (truncated) annotations[OVER_CAPACITY_ANNOTATION] = 'truncated';
  else delete annotations[OVER_CAPACITY_ANNOTATION];
  const labels: Record<string, string> = { ...(svc.metadata?.labels ?? {}) };
  if (!isServiceIPSet(svc)) labels[LABEL_HEADLESS] = '';
  const meta = { ...(next.metadata ?? {}), labels, annotations };
  if (Object.keys(annotations).length === 0) delete (meta as { annotations?: unknown }).annotations;
  return { ...next, metadata: meta, subsets: truncated ?? subsets };
}

export const endpointsController: ControllerDefinition = {
  name: ENDPOINTS_CONTROLLER_NAME,
  setup: addEndpointIndexers,
  watches: [
    { resource: 'services' },
    { resource: 'pods', keysFor: (o, ctx) => podKeysFor(ctx.informers, stateOf(ctx.informers).podsSeen, o) },
    // onEndpointsDelete: a deleted Endpoints object is recreated
    {
      resource: 'endpoints',
      keysFor: (o, ctx) => (ctx.informers.for('endpoints').get(objectKey(o)) ? [] : [objectKey(o)]),
    },
  ],
  reconcile(key, ctx): ReconcileResult | void {
    const { namespace, name } = splitObjectKey(key);
    const svc = ctx.informers.for('services').get(key) as Readonly<Service> | undefined;
    if (!svc) {
      stateOf(ctx.informers).trigger.deleteService(key);
      if (!ctx.informers.for('endpoints').get(key)) return;
      try {
        ctx.api.delete('endpoints', namespace, name, {}, ctx.request);
      } catch (e) {
        if (!(e instanceof StatusError && e.status.reason === 'NotFound')) throw e;
      }
      return;
    }
    if (!selectorOf(svc as Readonly<KubeObject>)) return;
    const pods = podsForService(ctx.informers, svc as Readonly<KubeObject>);
    const triggerMs = stateOf(ctx.informers).trigger.compute(key, svc, pods);
    const current = ctx.informers.for('endpoints').get(key) as Readonly<Endpoints> | undefined;
    const next = desiredEndpoints(
      svc,
      current,
      desiredSubsets(svc, pods),
      triggerMs === undefined ? undefined : ctx.sim.clock.toRfc3339(triggerMs),
    );
    if (!next) return;
    const obj = next as unknown as KubeObject;
    try {
      if (current) ctx.api.update('endpoints', namespace, obj, ctx.request);
      else ctx.api.create('endpoints', namespace, obj, ctx.request);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (
        !current &&
        e instanceof StatusError &&
        e.status.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')
      )
        return;
      const [reason, text] = current
        ? ['FailedToUpdateEndpoint', `Failed to update endpoint ${key}: ${msg}`]
        : ['FailedToCreateEndpoint', `Failed to create endpoint for service ${key}: ${msg}`];
      ctx.events.event(obj, 'Warning', reason, text, ctx.source);
      return { error: msg };
    }
  },
};
