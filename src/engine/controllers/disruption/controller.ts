// The disruption controller: keeps each PodDisruptionBudget's status (healthy counts, disruptionsAllowed,
// disruptedPods, the DisruptionAllowed condition) in line with its pods. mirrors pkg/controller/disruption/disruption.go.
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { ControllerDefinition, ReconcileContext, ReconcileResult } from '../../client/controller';
import { NO_KEYS } from '../../client/controller';
import { NAMESPACE_INDEX } from '../../client/informer';
import type { InformerFactory } from '../../client/informer';
import type { EventSource } from '../../events/types';
import { StatusError } from '../../apiserver/types';
import { pdbSelector, type PdbObject } from '../../apiserver/pdbHelpers';
import type { KubeObject, ObjectKey } from '../../types/object';
import { objectKey, splitObjectKey } from '../../types/object';
import { buildDisruptedPodMap, countHealthyPods, expectedPodCount } from './expected';
import { scaleFinders } from './scale';
import { failSafeStatus, nextPdbStatus } from './status';
import { labelSelectorString } from './selectorText';

export const DISRUPTION_CONTROLLER_NAME = 'disruption-controller';
/** the disruption controller's recorder reports as the controller manager itself */
const SOURCE: EventSource = { component: 'controllermanager' };

/** the PDBs of the pod's namespace whose selector matches it (GetPodPodDisruptionBudgets: {} matches all) */
export function pdbsForPod(informers: InformerFactory, pod: Readonly<KubeObject>): Readonly<PdbObject>[] {
  const out: Readonly<PdbObject>[] = [];
  for (const obj of informers
    .for('poddisruptionbudgets')
    .byIndex(NAMESPACE_INDEX, pod.metadata.namespace ?? '')) {
    const sel = pdbSelector(obj as Readonly<PdbObject>);
    if (sel && sel.matches(pod.metadata.labels)) out.push(obj as Readonly<PdbObject>);
  }
  return out.sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
}

/** getPdbForPod: only the first matching PDB is synced for a pod event (Kubernetes picks one "arbitrarily") */
function pdbKeysForPod(pod: Readonly<KubeObject>, ctx: ReconcileContext): readonly ObjectKey[] {
  // most namespaces have no PodDisruptionBudget: answer without listing
  if (!ctx.informers.for('poddisruptionbudgets').hasIndexValue(NAMESPACE_INDEX, pod.metadata.namespace ?? ''))
    return NO_KEYS;
  const first = pdbsForPod(ctx.informers, pod)[0];
  return first ? [objectKey(first)] : NO_KEYS;
}

/** getPodsForPdb: the namespace's pods matching the selector (nil selector: none) */
function podsForPdb(informers: InformerFactory, pdb: Readonly<PdbObject>): Readonly<KubeObject>[] {
  const sel = pdbSelector(pdb);
  if (!sel) throw new Error('invalid label selector');
  const pods = informers.for('pods').byIndex(NAMESPACE_INDEX, pdb.metadata.namespace ?? '');
  return pods.filter((p) => sel.matches(p.metadata.labels));
}

function writeStatus(
  ctx: ReconcileContext,
  pdb: Readonly<PdbObject>,
  status: PodDisruptionBudget['status'],
): void {
  const next = { ...pdb, status } as unknown as KubeObject;
  ctx.api.updateStatus('poddisruptionbudgets', pdb.metadata.namespace, next, ctx.request);
}

/** trySync; returns when to re-check expiring disruptedPods entries */
function trySync(pdb: Readonly<PdbObject>, ctx: ReconcileContext): ReconcileResult | void {
  const pods = podsForPdb(ctx.informers, pdb);
  if (pods.length === 0) ctx.events.event(pdb, 'Normal', 'NoPods', 'No matching pods found', SOURCE);
  let counts;
  try {
    counts = expectedPodCount(pdb, pods, scaleFinders(ctx.informers, ctx.api));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    ctx.events.event(
      pdb,
      'Warning',
      'CalculateExpectedPodCountFailed',
      `Failed to calculate the number of expected pods: ${msg}`,
      SOURCE,
    );
    throw e;
  }
  if (counts.unmanagedPods.length > 0) {
    ctx.events.event(
      pdb,
      'Warning',
      'UnmanagedPods',
      `Pods selected by this PodDisruptionBudget (selector: ${labelSelectorString(pdb.spec?.selector)}) were found ` +
        'to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. ' +
        'To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.',
      SOURCE,
    );
  }
  const nowMs = ctx.nowMs();
  const disrupted = buildDisruptedPodMap(pods, pdb, nowMs);
  const ns = pdb.metadata.namespace ?? '';
  for (const pod of disrupted.notDeleted) {
    // (sic) Kubernetes prints the PDB's namespace twice here
    ctx.events.event(
      pod,
      'Warning',
      'NotDeleted',
      `Pod was expected by PDB ${ns}/${ns} to be deleted but it wasn't`,
      SOURCE,
    );
  }
  const status = nextPdbStatus(
    pdb,
    {
      currentHealthy: countHealthyPods(pods, disrupted.disruptedPods, nowMs),
      desiredHealthy: counts.desiredHealthy,
      expectedCount: counts.expectedCount,
      disruptedPods: disrupted.disruptedPods,
    },
    ctx.sim.clock.toRfc3339(nowMs),
  );
  if (status) writeStatus(ctx, pdb, status);
  if (disrupted.recheckAtMs !== undefined)
    return { requeueAfterMs: Math.max(0, disrupted.recheckAtMs - nowMs) };
}

export const disruptionController: ControllerDefinition = {
  name: DISRUPTION_CONTROLLER_NAME,
  watches: [
    { resource: 'poddisruptionbudgets' },
    { resource: 'pods', keysFor: pdbKeysForPod },
    // listers only (the controller does not react to workload changes, as in Kubernetes)
    { resource: 'replicationcontrollers', keysFor: () => [] },
    { resource: 'replicasets', keysFor: () => [] },
    { resource: 'deployments', keysFor: () => [] },
    { resource: 'statefulsets', keysFor: () => [] },
  ],
  reconcile(key, ctx): ReconcileResult | void {
    const pdb = ctx.informers.for('poddisruptionbudgets').get(key) as Readonly<PdbObject> | undefined;
    if (!pdb) return;
    try {
      return trySync(pdb, ctx);
    } catch (e) {
      // a conflict is retried without the fail-safe
      if (e instanceof StatusError && e.status.reason === 'Conflict') return { error: e.message };
      const msg = e instanceof Error ? e.message : String(e);
      const { namespace } = splitObjectKey(key);
      ctx.api.updateStatus(
        'poddisruptionbudgets',
        namespace,
        { ...pdb, status: failSafeStatus(pdb, msg, ctx.sim.clock.nowRfc3339()) } as unknown as KubeObject,
        ctx.request,
      );
    }
  },
};
