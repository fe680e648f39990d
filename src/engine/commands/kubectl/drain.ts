// `kubectl drain NODE`: cordon, then evict (or delete) the node's pods and wait until they are gone.
// mirrors k8s.io/kubectl/pkg/cmd/drain/drain.go RunDrain / deleteOrEvictPodsSimple and pkg/drain/drain.go.
import type { ClusterRuntime } from '../../cluster/types';
import type { CommandSpec } from '../types';
import { parseSelector } from '../../labels/selector';
import { cordonNodes } from './cordon';
import { namespaceFlag, selectNodes, selectorFlag, usageError } from './nodeTargets';
import { deletionErrors, deletionWarnings, podsForDeletion, type DrainOptions } from './drainPods';
import { capNote, waitTimeout } from './waitCap';
import { deletePods, evictPods, type EvictOptions } from './drainEvict';
import { dryRunFlag, dryRunOf, dryRunSuffix, type DryRun } from './writeSupport';
import { Aggregate, checkErr, errorText, newAggregate, type GoError } from './checkErr';

interface NodeDrainResult {
  stdout: string;
  stderr: string;
  error?: GoError;
}

/** deleteOrEvictPodsSimple: the node's error is the filters' aggregate, or what evicting/deleting returned */
function drainNode(
  rt: ClusterRuntime,
  name: string,
  filters: DrainOptions,
  o: EvictOptions,
  dry: DryRun,
): NodeDrainResult {
  const list = podsForDeletion(rt, name, filters);
  const errs = deletionErrors(list);
  if (errs.length > 0) return { stdout: '', stderr: '', error: new Aggregate(errs) };
  const warnings = deletionWarnings(list);
  let stderr = warnings ? `Warning: ${warnings}\n` : '';
  if (dry === 'client') {
    const stdout = list.pods
      .map((p) => `evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`)
      .join('');
    return { stdout, stderr };
  }
  if (list.pods.length === 0) return { stdout: '', stderr };
  const r = o.disableEviction ? deletePods(rt, list.pods, o) : evictPods(rt, list.pods, o);
  stderr += r.stderr;
  if (r.error === undefined) return { stdout: r.stdout, stderr };
  // the pods still to be removed are listed afresh
  const pending = podsForDeletion(rt, name, filters);
  if (pending.pods.length > 0) {
    stderr += `There are pending pods in node "${name}" when an error occurred: ${errorText(r.error)}\n`;
    for (const p of pending.pods) stderr += `pod/${p.metadata.name}\n`;
  }
  const newErrs = newAggregate(deletionErrors(pending));
  // printed with %s and no newline, as kubectl does
  if (newErrs)
    stderr += `Following errors occurred while getting the list of pods to delete:\n${errorText(newErrs)}`;
  stderr += capNote(o.capped);
  return { stdout: r.stdout, stderr, error: r.error };
}

export const drainCommand: CommandSpec = {
  path: ['drain'],
  summary: 'Drain node in preparation for maintenance',
  flags: [
    namespaceFlag,
    selectorFlag,
    { name: 'ignore-daemonsets', type: 'bool', help: 'Ignore DaemonSet-managed pods.' },
    { name: 'delete-emptydir-data', type: 'bool', help: 'Continue even if there are pods using emptyDir.' },
    {
      name: 'force',
      type: 'bool',
      help: 'Continue even if there are pods that do not declare a controller.',
    },
    {
      name: 'grace-period',
      type: 'int',
      default: -1,
      help: 'Seconds given to each pod to terminate gracefully.',
    },
    {
      name: 'timeout',
      type: 'duration',
      default: '0s',
      help: 'The length of time to wait before giving up, zero means infinite (kubesim stops after 10m of virtual time).',
    },
    { name: 'pod-selector', type: 'string', help: 'Label selector to filter pods on the node' },
    {
      name: 'disable-eviction',
      type: 'bool',
      help: 'Force drain to use delete, even if eviction is supported.',
    },
    dryRunFlag,
  ],
  run(args, { rt }) {
    const selector = args.string('selector');
    if (args.positionals.length === 0 && !args.has('selector'))
      return usageError('drain', 'USAGE: drain NODE [flags]');
    if (args.positionals.length > 0 && selector) {
      return usageError('drain', 'error: cannot specify both a node name and a --selector option');
    }
    // Complete: GetDryRunStrategy before the --pod-selector check
    const dry = dryRunOf(args);
    const podSelector = args.string('pod-selector');
    if (podSelector) {
      try {
        parseSelector(podSelector);
      } catch {
        return {
          code: 1,
          stdout: '',
          stderr: 'error: --pod-selector=<pod_selector> must be a valid label selector\n',
        };
      }
    }
    const timeout = waitTimeout('timeout', args.string('timeout'));
    if (typeof timeout === 'string') return { code: 1, stdout: '', stderr: `error: ${timeout}\n` };
    const nodes = selectNodes(rt, args.positionals, selector);
    let stdout = cordonNodes(rt, nodes, true, dry);
    let stderr = '';
    const filters: DrainOptions = {
      ignoreDaemonSets: args.bool('ignore-daemonsets'),
      deleteEmptyDirData: args.bool('delete-emptydir-data'),
      force: args.bool('force'),
      ...(podSelector ? { podSelector } : {}),
    };
    const evict: EvictOptions = {
      gracePeriodSeconds: args.int('grace-period') ?? -1,
      disableEviction: args.bool('disable-eviction'),
      timeoutMs: timeout.ms,
      capped: timeout.capped,
      serverDryRun: dry === 'server',
    };
    const fatal: GoError[] = [];
    const remaining: string[] = [];
    for (const node of nodes) {
      const name = node.metadata.name ?? '';
      const r = drainNode(rt, name, filters, evict, dry);
      stdout += r.stdout;
      stderr += r.stderr;
      if (r.error === undefined) {
        stdout += `node/${name} drained${dryRunSuffix(dry)}\n`;
        continue;
      }
      stderr += `error: unable to drain node "${name}" due to error: ${errorText(r.error)}, continuing command...\n`;
      fatal.push(r.error);
      remaining.push(name);
    }
    if (remaining.length > 0)
      stderr += `There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`;
    // cmdutil.CheckErr(utilerrors.NewAggregate(fatal)): one failed node's aggregate prints one error per line
    const fatalErr = newAggregate(fatal);
    if (fatalErr) return { code: 1, stdout, stderr: stderr + checkErr(fatalErr) };
    return { code: 0, stdout, stderr };
  },
};
