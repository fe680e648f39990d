// The DaemonSet controller's writes of pods: slow-start creation pinned to nodes, deletion, and their Events.
// mirrors daemon_controller.go syncNodes and controller_utils.go RealPodControl (CreatePods / DeletePod events).
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { ReconcileContext } from '../../client/controller';
import { StatusError } from '../../apiserver/types';
import type { KubeObject } from '../../types/object';
import { newControllerRef } from '../shared/controllerRef';
import { getPodFromTemplate } from '../shared/podTemplate';
import { SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from '../shared/slowStartBatch';
import { CONTROLLER_REVISION_HASH_LABEL } from './history';
import { replaceNodeNameAffinity } from './nodeShouldRun';
import type { DaemonSetState } from './state';
import { POD_TEMPLATE_GENERATION_LABEL } from './status';
import { withDaemonPodTolerations } from './tolerations';

/** the DaemonSet controller's burstReplicas (NewDaemonSetsController: BurstReplicas = 250) */
export const BURST_REPLICAS = 250;
/** apps.DeprecatedTemplateGeneration */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** util.CreatePodTemplate: daemon tolerations, the template generation and hash labels */
export function daemonPodTemplate(ds: Readonly<DaemonSet>, hash: string): PodTemplateSpec {
  const t = structuredClone(ds.spec?.template ?? { spec: { containers: [] } }) as PodTemplateSpec;
  t.spec ??= { containers: [] };
  t.spec.tolerations = withDaemonPodTolerations(t.spec);
  const labels = { ...(t.metadata?.labels ?? {}) };
  const generation = ds.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  if (generation !== undefined && /^-?\d+$/.test(generation))
    labels[POD_TEMPLATE_GENERATION_LABEL] = generation;
  if (hash) labels[CONTROLLER_REVISION_HASH_LABEL] = hash;
  t.metadata = { ...(t.metadata ?? {}), labels };
  return t;
}

/** the pod the controller creates for node from a daemonPodTemplate (pinned by required node affinity) */
export function daemonPodFromTemplate(
  ds: Readonly<DaemonSet>,
  template: Readonly<PodTemplateSpec>,
  nodeName: string,
): KubeObject {
  const owner = ds as unknown as KubeObject;
  const spec = template.spec as NonNullable<PodTemplateSpec['spec']>;
  // getPodFromTemplate copies the spec's top level, so the template itself is shared, never changed
  const pinned = {
    ...template,
    spec: { ...spec, affinity: replaceNodeNameAffinity(spec.affinity, nodeName) },
  };
  return getPodFromTemplate(pinned, owner, newControllerRef(owner));
}

/** the pod the controller creates for node (pinned by required node affinity; the scheduler binds it) */
export function newDaemonPod(ds: Readonly<DaemonSet>, hash: string, nodeName: string): KubeObject {
  return daemonPodFromTemplate(ds, daemonPodTemplate(ds, hash), nodeName);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function isNamespaceTerminating(e: unknown): boolean {
  return (
    e instanceof StatusError &&
    (e.status.details?.causes ?? []).some((c) => c.reason === 'NamespaceTerminating')
  );
}

/** syncNodes: delete podsToDelete, create a pod on each node in nodesNeedingDaemonPods; returns the first error */
export function syncNodes(
  ctx: ReconcileContext,
  state: DaemonSetState,
  key: string,
  ds: Readonly<DaemonSet>,
  podsToDelete: readonly string[],
  nodesNeedingDaemonPods: readonly string[],
  hash: string,
): string | undefined {
  const owner = ds as unknown as KubeObject;
  const ns = ds.metadata?.namespace;
  const createDiff = Math.min(nodesNeedingDaemonPods.length, BURST_REPLICAS);
  const deleteDiff = Math.min(podsToDelete.length, BURST_REPLICAS);
  // SetExpectations(add, del): Expectations only offers one of each, so raise del through lowerExpectations
  state.expectations.expectCreations(key, createDiff);
  state.expectations.lowerExpectations(key, 0, -deleteDiff);
  const errors: string[] = [];
  let ix = 0;
  // one template per sync (CreatePodTemplate runs once before the slow-start batches)
  let template: PodTemplateSpec | undefined;
  const res = slowStartBatch(createDiff, SLOW_START_INITIAL_BATCH_SIZE, () => {
    const node = nodesNeedingDaemonPods[ix++] as string;
    try {
      template ??= daemonPodTemplate(ds, hash);
      const pod = ctx.api.create('pods', ns, daemonPodFromTemplate(ds, template, node), ctx.request);
      ctx.events.event(
        owner,
        'Normal',
        'SuccessfulCreate',
        `Created pod: ${pod.metadata.name ?? ''}`,
        ctx.source,
      );
      return undefined;
    } catch (e) {
      if (isNamespaceTerminating(e)) return undefined;
      state.expectations.creationObserved(key);
      ctx.events.event(owner, 'Warning', 'FailedCreate', `Error creating: ${message(e)}`, ctx.source);
      errors.push(message(e));
      return message(e);
    }
  });
  // pods never attempted after a failing batch are not expected
  const skipped = createDiff - res.calls;
  if (skipped > 0) state.expectations.lowerExpectations(key, skipped, 0);
  for (let i = 0; i < deleteDiff; i++) {
    const name = podsToDelete[i] as string;
    try {
      ctx.api.delete('pods', ns, name, {}, ctx.request);
      ctx.events.event(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`, ctx.source);
    } catch (e) {
      state.expectations.deletionObserved(key);
      if (e instanceof StatusError && e.status.code === 404) continue;
      ctx.events.event(owner, 'Warning', 'FailedDelete', `Error deleting: ${message(e)}`, ctx.source);
      errors.push(message(e));
    }
  }
  return errors.length > 0 ? errors.join('; ') : undefined;
}
