// Per-kind create/update preparation, mirroring the PrepareForCreate / PrepareForUpdate of pkg/registry/*/strategy.go:
// which kinds track metadata.generation, what status a new object starts with, what the main resource may not change.
import { cloneJson } from '../types/json';
import type { KubeObject } from '../types/object';
import type { ResourceInfo } from './types';
import { computePodQos } from './podQos';
import { deepEqual, withoutFields } from './objectUtil';

/** kinds whose strategy sets generation 1 on create and bumps it on spec change */
const GENERATION_KINDS = new Set([
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'ReplicationController',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'NetworkPolicy',
  'EndpointSlice',
  // PodObservedGenerationTracking (on by default since 1.33): pods carry a generation too
  'Pod',
]);

export function tracksGeneration(kind: string): boolean {
  return GENERATION_KINDS.has(kind);
}

/** the zero status each workload strategy's PrepareForCreate resets to (non-omitempty Go fields serialize as 0) */
const INITIAL_STATUS: Record<string, () => Record<string, unknown>> = {
  Deployment: () => ({}),
  ReplicaSet: () => ({ replicas: 0 }),
  ReplicationController: () => ({ replicas: 0 }),
  StatefulSet: () => ({ replicas: 0, availableReplicas: 0 }),
  DaemonSet: () => ({
    currentNumberScheduled: 0,
    numberMisscheduled: 0,
    desiredNumberScheduled: 0,
    numberReady: 0,
  }),
  HorizontalPodAutoscaler: () => ({ currentReplicas: 0, desiredReplicas: 0 }),
  PodDisruptionBudget: () => ({
    disruptionsAllowed: 0,
    currentHealthy: 0,
    desiredHealthy: 0,
    expectedPods: 0,
  }),
  Service: () => ({ loadBalancer: {} }),
  PersistentVolumeClaim: () => ({ phase: 'Pending' }),
  PersistentVolume: () => ({ phase: 'Pending' }),
};

/** mirrors pkg/registry/core/pod/strategy.go PrepareForCreate (status Pending + qosClass, SchedulingGated condition) */
function preparePodForCreate(pod: KubeObject, nowRfc3339: string): void {
  const spec = (pod.spec ?? {}) as {
    schedulingGates?: unknown[];
    serviceAccountName?: string;
    serviceAccount?: string;
  };
  const status: Record<string, unknown> = { phase: 'Pending', qosClass: computePodQos(pod) };
  if (spec.schedulingGates && spec.schedulingGates.length > 0) {
    status.conditions = [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'SchedulingGated',
        message: 'Scheduling is blocked due to non-empty scheduling gates',
        lastProbeTime: null,
        lastTransitionTime: nowRfc3339,
      },
    ];
  }
  pod.status = status;
  // v1 conversion mirrors serviceAccountName into the deprecated serviceAccount field
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
}

/** mirrors pkg/registry/core/namespace/strategy.go PrepareForCreate: phase Active, the `kubernetes` finalizer */
function prepareNamespaceForCreate(ns: KubeObject): void {
  ns.status = { phase: 'Active' };
  const spec = (ns.spec ?? {}) as { finalizers?: string[] };
  const finalizers = spec.finalizers ?? [];
  if (!finalizers.includes('kubernetes')) spec.finalizers = [...finalizers, 'kubernetes'];
  ns.spec = spec;
}

/** appsv1.DeprecatedTemplateGeneration: how the v1 API carries the internal DaemonSet's spec.templateGeneration */
const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

/** the templateGeneration a stored v1 DaemonSet carries (Convert_v1_DaemonSet_To_apps_DaemonSet reads the annotation) */
function templateGeneration(obj: Readonly<KubeObject>): number {
  const v = obj.metadata.annotations?.[TEMPLATE_GENERATION];
  return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : 0;
}

/** Convert_apps_DaemonSet_To_v1_DaemonSet: the annotation always shows the internal templateGeneration */
function setTemplateGeneration(obj: KubeObject, generation: number): void {
  obj.metadata.annotations = {
    ...(obj.metadata.annotations ?? {}),
    [TEMPLATE_GENERATION]: String(generation),
  };
}

export function prepareForCreate(res: ResourceInfo, obj: KubeObject, nowRfc3339: string): void {
  // daemonSetStrategy.PrepareForCreate (pkg/registry/apps/daemonset/strategy.go): templateGeneration at least 1
  if (res.kind === 'DaemonSet') setTemplateGeneration(obj, Math.max(1, templateGeneration(obj)));
  if (res.kind === 'Pod') preparePodForCreate(obj, nowRfc3339);
  else if (res.kind === 'Namespace') prepareNamespaceForCreate(obj);
  else {
    const initial = INITIAL_STATUS[res.kind];
    if (initial) obj.status = initial();
  }
  if (tracksGeneration(res.kind)) obj.metadata.generation = 1;
  else delete obj.metadata.generation;
}

const NOT_SPEC = ['apiVersion', 'kind', 'metadata', 'status'];

/** true when anything outside metadata and status changed (what strategies compare as Spec) */
export function specChanged(next: Readonly<KubeObject>, old: Readonly<KubeObject>): boolean {
  return !deepEqual(withoutFields(next, NOT_SPEC), withoutFields(old, NOT_SPEC));
}

/**
 * PrepareForUpdate of the main resource: keep status when the kind has a status subresource; bump generation
 * on spec change (Deployment also on annotation change, as deploymentStrategy.PrepareForUpdate does).
 */
export function prepareForUpdate(res: ResourceInfo, next: KubeObject, old: Readonly<KubeObject>): void {
  if (res.hasStatus) {
    if (old.status === undefined) delete next.status;
    else next.status = cloneJson(old.status);
  }
  if (res.kind === 'DaemonSet') {
    // daemonSetStrategy.PrepareForUpdate: templateGeneration is the server's, and goes up with each template change
    const t = (o: Readonly<KubeObject>) => (o.spec as { template?: unknown } | undefined)?.template;
    setTemplateGeneration(next, templateGeneration(old) + (deepEqual(t(next), t(old)) ? 0 : 1));
  }
  const oldGen = old.metadata.generation;
  if (oldGen === undefined) {
    delete next.metadata.generation;
    return;
  }
  let bump = specChanged(next, old);
  if (
    res.kind === 'Deployment' &&
    !deepEqual(next.metadata.annotations ?? {}, old.metadata.annotations ?? {})
  )
    bump = true;
  next.metadata.generation = bump ? oldGen + 1 : oldGen;
}

/**
 * rest.BeforeUpdate's metadata rules: generation is the server's, uid falls back to the old one, creationTimestamp
 * and deletionTimestamp cannot change, deletionGracePeriodSeconds cannot be removed.
 */
export function keepSystemMetadata(next: KubeObject, old: Readonly<KubeObject>): void {
  const m = next.metadata;
  const o = old.metadata;
  if (!m.uid) m.uid = o.uid;
  if (o.creationTimestamp) m.creationTimestamp = o.creationTimestamp;
  else delete m.creationTimestamp;
  if (o.deletionTimestamp) m.deletionTimestamp = o.deletionTimestamp;
  else delete m.deletionTimestamp;
  if (o.deletionGracePeriodSeconds !== undefined && m.deletionGracePeriodSeconds === undefined) {
    m.deletionGracePeriodSeconds = o.deletionGracePeriodSeconds;
  }
  if (o.generation === undefined) delete m.generation;
  else m.generation = o.generation;
}
