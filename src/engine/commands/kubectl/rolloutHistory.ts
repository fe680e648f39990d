// `kubectl rollout history TYPE/NAME [--revision=N]`: the REVISION / CHANGE-CAUSE table, or one revision's pod template.
// mirrors k8s.io/kubectl/pkg/cmd/rollout/rollout_history.go Run and polymorphichelpers/history.go ViewHistory.
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { ClusterRuntime } from '../../cluster/types';
import type { CommandResult, CommandSpec } from '../types';
import type { KubeObject } from '../../types/object';
import { kindSlashName } from '../resourceName';
import { controllerRevisionHistory, deploymentHistory, type HistoryEntry } from './rolloutHistoryData';
import { describePodTemplate } from './rolloutPodTemplate';
import {
  outputFlagSpecified,
  printFlagsOutputFlag,
  showManagedFieldsFlag,
  toPrinter,
  type ResourcePrinter,
} from './rolloutPrintFlags';
import {
  RolloutArgsError,
  rolloutNamespaceFlag,
  rolloutSelectorFlag,
  rolloutTargets,
  groupKind,
  type RolloutTarget,
} from './rolloutTarget';

const err = (message: string, stdout = ''): CommandResult => ({
  code: 1,
  stdout,
  stderr: `error: ${message}\n`,
});

/** text/tabwriter with padding 2, as kubectl's tabbedString: every cell but the last in a row is padded */
export function tabbed(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((c, i) => i < row.length - 1 && (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows
    .map(
      (row) => row.map((c, i) => (i < row.length - 1 ? c.padEnd((widths[i] ?? 0) + 2) : c)).join('') + '\n',
    )
    .join('');
}

/** the history a kind keeps, or undefined when kubectl has no HistoryViewer for it */
export function historyOf(rt: ClusterRuntime, t: RolloutTarget): Map<number, HistoryEntry> | undefined {
  if (t.info.group !== 'apps') return undefined;
  if (t.info.kind === 'Deployment') return deploymentHistory(rt, t.obj as Deployment & KubeObject);
  if (t.info.kind === 'StatefulSet' || t.info.kind === 'DaemonSet')
    return controllerRevisionHistory(rt, t.obj);
  return undefined;
}

function viewHistory(history: Map<number, HistoryEntry>, revision: number): string {
  if (history.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const entry = history.get(revision);
    if (!entry) throw new RolloutArgsError('unable to find the specified revision');
    return describePodTemplate(entry.template);
  }
  const revisions = [...history.keys()].sort((a, b) => a - b);
  return tabbed([
    ['REVISION', 'CHANGE-CAUSE'],
    ...revisions.map((r) => [String(r), history.get(r)?.changeCause || '<none>']),
  ]);
}

/**
 * HistoryViewer.GetHistory: what -o prints for each revision. A Deployment's revisions are its ReplicaSets; a
 * DaemonSet's or StatefulSet's are the object itself with that revision's template patched in (applyDaemonSetHistory,
 * applyStatefulSetHistory).
 */
function historyObject(t: RolloutTarget, entry: HistoryEntry): KubeObject {
  if (t.info.kind === 'Deployment') return entry.source;
  const spec = (t.obj.spec ?? {}) as Record<string, unknown>;
  return { ...t.obj, spec: { ...spec, template: structuredClone(entry.template) } };
}

/** rollout_history.go Run with -o: the revision's object, or every revision's in ascending order */
function printHistory(
  printer: ResourcePrinter,
  t: RolloutTarget,
  history: Map<number, HistoryEntry>,
  revision: number,
): string {
  if (revision > 0) {
    const entry = history.get(revision);
    if (!entry) throw new RolloutArgsError('unable to find the specified revision');
    return printer(historyObject(t, entry));
  }
  return [...history.keys()]
    .sort((a, b) => a - b)
    .map((r) => printer(historyObject(t, history.get(r) as HistoryEntry)))
    .join('');
}

export const rolloutHistoryCommand: CommandSpec = {
  path: ['rollout', 'history'],
  summary: 'View rollout history',
  flags: [
    rolloutNamespaceFlag,
    rolloutSelectorFlag,
    {
      name: 'revision',
      type: 'int',
      default: 0,
      help: 'See the details, including podTemplate of the revision specified',
    },
    printFlagsOutputFlag,
    showManagedFieldsFlag,
  ],
  run(args, { rt }) {
    const revision = args.int('revision') ?? 0;
    if (revision < 0) return err(`revision must be a positive integer: ${revision}`);
    let stdout = '';
    try {
      let targets: RolloutTarget[];
      try {
        targets = rolloutTargets(rt, args.positionals, args.string('namespace'), args.string('selector'));
      } catch (e) {
        // kubectl meets a missing object only while visiting, after it has built the printer
        if (!(e instanceof RolloutArgsError) && outputFlagSpecified(args)) toPrinter(args, '');
        throw e;
      }
      // with -o one printer prints every revision's object (so YAML separates them with `---`)
      const printer = outputFlagSpecified(args) ? toPrinter(args, '') : undefined;
      for (const t of targets) {
        const history = historyOf(rt, t);
        if (!history) return err(`no history viewer has been implemented for "${groupKind(t.info)}"`, stdout);
        if (printer) {
          stdout += printHistory(printer, t, history, revision);
          continue;
        }
        const text = viewHistory(history, revision);
        const withRevision = revision > 0 ? `with revision #${revision}` : '';
        stdout += `${kindSlashName(t.info, t.obj.metadata.name ?? '')} ${withRevision}\n${text}\n`;
      }
    } catch (e) {
      if (e instanceof RolloutArgsError) return err(e.message, stdout);
      throw e;
    }
    return { code: 0, stdout, stderr: '' };
  },
};
