// `kubectl rollout undo TYPE/NAME [--to-revision=N] [--dry-run=client|server] [-o FORMAT]`: put an earlier revision's
// pod template back. mirrors k8s.io/kubectl/pkg/polymorphichelpers/rollback.go (DeploymentRollbacker,
// DaemonSet/StatefulSetRollbacker) and pkg/cmd/rollout/rollout_undo.go RunUndo.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { ClusterRuntime } from '../../cluster/types';
import type { CommandResult, CommandSpec } from '../types';
import type { KubeObject } from '../../types/object';
import {
  controllerRevisionHistory,
  deploymentReplicaSets,
  equalIgnoreHash,
  semanticEqual,
  stripHash,
} from './rolloutHistoryData';
import { revisionOf } from './rolloutStatusViewer';
import { describePodTemplate } from './rolloutPodTemplate';
import {
  printFlagsOutputFlag,
  showManagedFieldsFlag,
  toPrinter,
  type ResourcePrinter,
} from './rolloutPrintFlags';
import {
  RolloutArgsError,
  rolloutCtx,
  rolloutNamespaceFlag,
  rolloutSelectorFlag,
  rolloutTargets,
  groupKind,
  type RolloutTarget,
} from './rolloutTarget';
import { dryRunFlag, dryRunOf, dryRunSuffix, type DryRun } from './writeSupport';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** annotations kept from the Deployment rather than copied from the ReplicaSet (rollback.go annotationsToSkip) */
const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED,
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

const notFound = (rev: number) => new RolloutArgsError(`unable to find specified revision ${rev} in history`);

/** rollback.go deploymentRevision: the RS with toRevision, or (0) the second-newest revision */
function deploymentRevision(
  rt: ClusterRuntime,
  d: Readonly<Deployment & KubeObject>,
  toRevision: number,
): ReplicaSet {
  let latest: { rev: number; rs?: ReplicaSet } = { rev: -1 };
  let previous: { rev: number; rs?: ReplicaSet } = { rev: -1 };
  for (const rs of deploymentReplicaSets(rt, d)) {
    let v: number;
    try {
      v = revisionOf(rs);
    } catch {
      continue;
    }
    if (toRevision === 0) {
      if (latest.rev < v) {
        previous = latest;
        latest = { rev: v, rs };
      } else if (previous.rev < v) previous = { rev: v, rs };
    } else if (toRevision === v) return rs;
  }
  if (toRevision > 0) throw notFound(toRevision);
  if (!previous.rs)
    throw new RolloutArgsError(`no rollout history found for deployment "${d.metadata.name}"`);
  return previous.rs;
}

/** send the rolled-back object; --dry-run=server sends it with DryRun=All, so nothing is stored */
function sendRollback(
  rt: ClusterRuntime,
  t: RolloutTarget,
  mutate: (copy: KubeObject) => void,
  dry: DryRun,
): void {
  const copy = structuredClone(t.obj) as KubeObject;
  mutate(copy);
  rt.api.update(t.info.plural, t.namespace, copy, { ...rolloutCtx('undo'), dryRun: dry === 'server' });
}

function rollbackDeployment(rt: ClusterRuntime, t: RolloutTarget, toRevision: number, dry: DryRun): string {
  const d = t.obj as Deployment & KubeObject;
  const rs = deploymentRevision(rt, d, toRevision);
  // client dry run: the revision's template as the ReplicaSet has it (pod-template-hash and all), before the
  // paused and already-matches checks
  if (dry === 'client') return describePodTemplate(rs.spec?.template ?? {});
  if (d.spec?.paused) {
    throw new RolloutArgsError(
      "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    );
  }
  if (equalIgnoreHash(rs.spec?.template, d.spec?.template)) {
    return `skipped rollback (current template already matches revision ${toRevision})`;
  }
  const template = stripHash(rs.spec?.template);
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {}))
    if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs.metadata?.annotations ?? {}))
    if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  sendRollback(
    rt,
    t,
    (copy) => {
      (copy.spec as { template?: PodTemplateSpec }).template = template;
      copy.metadata.annotations = annotations;
    },
    dry,
  );
  return 'rolled back';
}

/** DaemonSet/StatefulSet: the ControllerRevision's template (findHistory: toRevision, or the second-highest) */
function rollbackFromControllerRevisions(
  rt: ClusterRuntime,
  t: RolloutTarget,
  toRevision: number,
  dry: DryRun,
): string {
  const history = controllerRevisionHistory(rt, t.obj);
  if (toRevision === 0 && history.size <= 1) throw new RolloutArgsError('no last revision to roll back to');
  const revisions = [...history.keys()].sort((a, b) => a - b);
  const target =
    toRevision === 0 ? history.get(revisions[revisions.length - 2] as number) : history.get(toRevision);
  if (!target) throw notFound(toRevision);
  // client dry run: printPodTemplate of the object with the revision applied
  if (dry === 'client') return `will roll back to ${describePodTemplate(target.template)}`;
  const current = (t.obj.spec as { template?: PodTemplateSpec } | undefined)?.template;
  if (semanticEqual(current, target.template)) {
    return `skipped rollback (current template already matches revision ${toRevision})`;
  }
  sendRollback(
    rt,
    t,
    (copy) => ((copy.spec as { template?: PodTemplateSpec }).template = structuredClone(target.template)),
    dry,
  );
  return 'rolled back';
}

export const rolloutUndoCommand: CommandSpec = {
  path: ['rollout', 'undo'],
  summary: 'Undo a previous rollout',
  flags: [
    rolloutNamespaceFlag,
    rolloutSelectorFlag,
    {
      name: 'to-revision',
      type: 'int',
      default: 0,
      help: 'The revision to rollback to. Default to 0 (last revision).',
    },
    dryRunFlag,
    printFlagsOutputFlag,
    showManagedFieldsFlag,
  ],
  run(args, { rt }) {
    const toRevision = args.int('to-revision') ?? 0;
    const dry = dryRunOf(args);
    let stdout = '';
    let stderr = '';
    const fail = (message: string): CommandResult => ({
      code: 1,
      stdout,
      stderr: `${stderr}error: ${message}\n`,
    });
    try {
      for (const t of rolloutTargets(
        rt,
        args.positionals,
        args.string('namespace'),
        args.string('selector'),
      )) {
        if (t.obj.metadata.annotations?.[LAST_APPLIED] !== undefined) {
          stderr += `Warning: resource ${t.info.plural}/${t.obj.metadata.name} was previously managed with 'kubectl apply'. Rolling back will not update the ${LAST_APPLIED} annotation, which may cause unexpected behavior on future 'kubectl apply' operations. Consider using 'kubectl apply' with your previous configuration file instead.\n`;
        }
        if (toRevision < 0) return fail(notFound(toRevision).message);
        let result: string;
        if (t.info.group === 'apps' && t.info.kind === 'Deployment')
          result = rollbackDeployment(rt, t, toRevision, dry);
        else if (t.info.group === 'apps' && (t.info.kind === 'DaemonSet' || t.info.kind === 'StatefulSet')) {
          result = rollbackFromControllerRevisions(rt, t, toRevision, dry);
        } else return fail(`no rollbacker has been implemented for "${groupKind(t.info)}"`);
        // a printer per object, made after the rollback: the name printer says what happened
        // (PrintFlagsWithDryRunStrategy adds the dry-run note); -o prints the object as read before the rollback
        let print: ResourcePrinter;
        try {
          print = toPrinter(args, `${result}${dryRunSuffix(dry)}`);
        } catch (e) {
          return fail(e instanceof Error ? e.message : String(e));
        }
        stdout += print(t.obj);
      }
    } catch (e) {
      if (e instanceof RolloutArgsError) return fail(e.message);
      throw e;
    }
    return { code: 0, stdout, stderr };
  },
};
