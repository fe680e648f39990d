// The EndpointSlice controller (pkg/controller/endpointslice/endpointslice_controller.go syncService): for each
// Service with a selector, runs the pure reconciler over the informers' view and writes the plan.
import type { Node, Service } from 'kubernetes-types/core/v1';
import type { ControllerDefinition, ReconcileContext, ReconcileResult } from '../../client/controller';
import type { InformerFactory } from '../../client/informer';
import { StatusError } from '../../apiserver/types';
import type { KubeObject, ObjectKey } from '../../types/object';
import { objectKey } from '../../types/object';
import { DEFAULT_MAX_ENDPOINTS_PER_SLICE, reconcile } from './reconciler';
import type { ReconcilePlan } from './reconciler';
import {
  SLICE_SERVICE_INDEX,
  addEndpointIndexers,
  podKeysFor,
  podsForService,
  selectorOf,
} from './serviceIndex';
import { TriggerTimeTracker } from './triggerTime';
import type { EndpointSliceObject } from './types';
import {
  CONTROLLER_NAME,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  LAST_CHANGE_TRIGGER_TIME,
  asSlice,
} from './types';

export const ENDPOINTSLICE_CONTROLLER_NAME = 'endpointslice-controller';

export interface EndpointSliceControllerOptions {
  /** --max-endpoints-per-slice (1-1000, default 100); a function is read at each sync */
  maxEndpointsPerSlice?: number | (() => number);
}

interface ClusterState {
  trigger: TriggerTimeTracker;
  /** EndpointSliceTracker: the resourceVersion this controller last wrote per slice, so its own writes don't resync */
  written: Map<ObjectKey, number>;
  podsSeen: Map<ObjectKey, string>;
}

/** the Go error text of a failed API call: the Status message */
function errText(e: unknown): string {
  return e instanceof StatusError || e instanceof Error ? e.message : String(e);
}

/** utilerrors.NewAggregate(...).Error() */
export function aggregate(errs: readonly string[]): string {
  return errs.length === 1 ? (errs[0] as string) : `[${errs.join(', ')}]`;
}

export function validateMaxEndpointsPerSlice(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new Error(`--max-endpoints-per-slice must be between 1 and 1000, got ${n}`);
  }
  return n;
}

function stamp(slice: EndpointSliceObject, triggerMs: number | undefined, ctx: ReconcileContext): void {
  // addTriggerTimeAnnotation: set when known, otherwise removed
  const ann = { ...(slice.metadata.annotations ?? {}) };
  if (triggerMs !== undefined) ann[LAST_CHANGE_TRIGGER_TIME] = ctx.sim.clock.toRfc3339(triggerMs);
  else delete ann[LAST_CHANGE_TRIGGER_TIME];
  if (Object.keys(ann).length > 0) slice.metadata.annotations = ann;
  else delete slice.metadata.annotations;
}

/** finalize's writes: creates (not while the Service is being deleted), updates, then deletes */
function writePlan(
  svc: Readonly<Service>,
  plan: ReconcilePlan,
  st: ClusterState,
  triggerMs: number | undefined,
  ctx: ReconcileContext,
): void {
  const ns = svc.metadata?.namespace ?? '';
  const who = `${ns}/${svc.metadata?.name ?? ''}`;
  const note = (o: Readonly<KubeObject>) =>
    st.written.set(objectKey(o), Number(o.metadata.resourceVersion ?? 0));
  if (!svc.metadata?.deletionTimestamp) {
    for (const s of plan.toCreate) {
      stamp(s, triggerMs, ctx);
      try {
        note(ctx.api.create('endpointslices', ns, s, ctx.request));
      } catch (e) {
        throw new Error(`failed to create EndpointSlice for Service ${who}: ${errText(e)}`, { cause: e });
      }
    }
  }
  for (const s of plan.toUpdate) {
    stamp(s, triggerMs, ctx);
    try {
      note(ctx.api.update('endpointslices', ns, s, ctx.request));
    } catch (e) {
      throw new Error(
        `failed to update ${s.metadata.name ?? ''} EndpointSlice for Service ${who}: ${errText(e)}`,
        { cause: e },
      );
    }
  }
  for (const s of plan.toDelete) {
    try {
      note(ctx.api.delete('endpointslices', ns, s.metadata.name ?? '', {}, ctx.request));
    } catch (e) {
      if (e instanceof StatusError && e.status.reason === 'NotFound') continue;
      throw new Error(
        `failed to delete ${s.metadata.name ?? ''} EndpointSlice for Service ${who}: ${errText(e)}`,
        { cause: e },
      );
    }
  }
}

/** an EndpointSlice event concerns its Service unless it is this controller's own last write (EndpointSliceTracker.ShouldSync) */
function sliceKeysFor(st: ClusterState, o: Readonly<KubeObject>): ObjectKey[] {
  const labels = o.metadata.labels ?? {};
  const svcName = labels[LABEL_SERVICE_NAME];
  if (!svcName || labels[LABEL_MANAGED_BY] !== CONTROLLER_NAME) return [];
  const mine = st.written.get(objectKey(o));
  if (mine !== undefined && Number(o.metadata.resourceVersion ?? 0) <= mine) return [];
  return [`${o.metadata.namespace ?? ''}/${svcName}`];
}

export function createEndpointSliceController(
  opts: EndpointSliceControllerOptions = {},
): ControllerDefinition {
  const option = opts.maxEndpointsPerSlice ?? DEFAULT_MAX_ENDPOINTS_PER_SLICE;
  if (typeof option === 'number') validateMaxEndpointsPerSlice(option);
  const maxOf = typeof option === 'number' ? () => option : option;
  const states = new WeakMap<InformerFactory, ClusterState>();
  const stateOf = (inf: InformerFactory): ClusterState => {
    let st = states.get(inf);
    if (!st)
      states.set(inf, (st = { trigger: new TriggerTimeTracker(), written: new Map(), podsSeen: new Map() }));
    return st;
  };
  return {
    name: ENDPOINTSLICE_CONTROLLER_NAME,
    latencyMs: 5,
    setup: addEndpointIndexers,
    watches: [
      { resource: 'services' },
      {
        resource: 'pods',
        keysFor: (o, ctx) => podKeysFor(ctx.informers, stateOf(ctx.informers).podsSeen, o),
      },
      { resource: 'endpointslices', keysFor: (o, ctx) => sliceKeysFor(stateOf(ctx.informers), o) },
      // the Node lister feeds zones; node changes alone do not resync Services (as upstream without topology hints)
      { resource: 'nodes', keysFor: () => [] },
    ],
    reconcile(key, ctx): ReconcileResult | void {
      const st = stateOf(ctx.informers);
      const svc = ctx.informers.for('services').get(key) as Readonly<Service> | undefined;
      if (!svc) {
        st.trigger.deleteService(key);
        return;
      }
      if (svc.spec?.type === 'ExternalName' || !selectorOf(svc as Readonly<KubeObject>)) return;
      const pods = podsForService(ctx.informers, svc as Readonly<KubeObject>);
      const existing = ctx.informers
        .for('endpointslices')
        .byIndex(SLICE_SERVICE_INDEX, key)
        .filter((s) => s.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME)
        .map(asSlice);
      const nodes = ctx.informers.for('nodes');
      const plan = reconcile({
        service: svc,
        pods,
        existingSlices: existing,
        getNode: (name) => nodes.get(name) as Readonly<Node> | undefined,
        maxEndpointsPerSlice: maxOf(),
      });
      const triggerMs = st.trigger.compute(key, svc, pods);
      const errs = [...plan.errors];
      try {
        writePlan(svc, plan, st, triggerMs, ctx);
      } catch (e) {
        errs.push(errText(e));
      }
      if (errs.length === 0) return;
      const message = `Error updating Endpoint Slices for Service ${key}: ${aggregate(errs)}`;
      ctx.events.event(
        svc as Readonly<KubeObject>,
        'Warning',
        'FailedToUpdateEndpointSlices',
        message,
        ctx.source,
      );
      return { error: aggregate(errs) };
    },
  };
}

let defaultMax = DEFAULT_MAX_ENDPOINTS_PER_SLICE;

/** --max-endpoints-per-slice of the default controller (read at each sync) */
export function setMaxEndpointsPerSlice(n: number): void {
  defaultMax = validateMaxEndpointsPerSlice(n);
}

export function maxEndpointsPerSlice(): number {
  return defaultMax;
}

/** the default controller definition the controller manager registers */
export const endpointSliceController: ControllerDefinition = createEndpointSliceController({
  maxEndpointsPerSlice: () => defaultMax,
});
