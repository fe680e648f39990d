// `kubectl drain NODE`: cordon, then evict (or delete) the node's pods and wait until they are gone.
// mirrors k8s.io/kubectl/pkg/cmd/drain/drain.go RunDrain / deleteOrEvictPodsSimple and pkg/drain/drain.go.
import type { ClusterRuntime } from '../../cluster/types';
import type { CommandSpec } from '../types';
import { parseSelector } from '../../labels/selector';
import { cordonNodes } from './cordon';
import { namespaceFlag, selectNodes, selectorFlag, usageError } from './nodeTargets';
import { deletionErrors, deletionWarnings, podsForDeletion, type DrainOptions } from './drainPods';
import { capNote, waitTimeout } from './waitCap';
import { aggregate, deletePods, evictPods, type EvictOptions } from './drainEvict';

interface NodeDrainResult {
  stdout: string;
  stderr: string;
  error?: string;
}

function drainNode(
  rt: ClusterRuntime,
  name: string,
  filters: DrainOptions,
  o: EvictOptions,
): NodeDrainResult {
  const list = podsForDeletion(rt, name, filters);
  const errs = deletionErrors(list);
  if (errs.length > 0) return { stdout: '', stderr: '', error: aggregate(errs) };
  const warnings = deletionWarnings(list);
  let stderr = warnings ? `Warning: ${warnings}\n` : '';
  if (list.pods.length === 0) return { stdout: '', stderr };
  const r = o.disableEviction ? deletePods(rt, list.pods, o) : evictPods(rt, list.pods, o);
  stderr += r.stderr;
  if (r.error === undefined) return { stdout: r.stdout, stderr };
  // as deleteOrEvictPodsSimple: the pods still to be removed are listed afresh
  const pending = podsForDeletion(rt, name, filters).pods;
  if (pending.length > 0) {
    stderr += `There are pending pods in node "${name}" when an error occurred: ${r.error}\n`;
    for (const p of pending) stderr += `pod/${p.metadata.name}\n`;
  }
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
  ],
  run(args, { rt }) {
    const selector = args.string('selector');
    if (args.positionals.length === 0 && !args.has('selector'))
      return usageError('drain', 'USAGE: drain NODE [flags]');
    if (args.positionals.length > 0 && selector) {
      return usageError('drain', 'error: cannot specify both a node name and a --selector option');
    }
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
    let stdout = cordonNodes(rt, nodes, true);
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
    };
    const fatal: string[] = [];
    const remaining: string[] = [];
    for (const node of nodes) {
      const name = node.metadata.name ?? '';
      const r = drainNode(rt, name, filters, evict);
      stdout += r.stdout;
      stderr += r.stderr;
      if (r.error === undefined) {
        stdout += `node/${name} drained\n`;
        continue;
      }
      stderr += `error: unable to drain node "${name}" due to error: ${r.error}, continuing command...\n`;
      fatal.push(r.error);
      remaining.push(name);
    }
    if (remaining.length > 0)
      stderr += `There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`;
    if (fatal.length > 0) return { code: 1, stdout, stderr: `${stderr}error: ${aggregate(fatal)}\n` };
    return { code: 0, stdout, stderr };
  },
};
