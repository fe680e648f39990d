// `kubectl drain NODE`: cordon, then evict (or delete) the node's pods and wait until they are gone.
// mirrors k8s.io/kubectl/pkg/cmd/drain/drain.go RunDrain / deleteOrEvictPodsSimple and pkg/drain/drain.go.
import type { ClusterRuntime } from '../../cluster/types';
import type { CommandSpec } from '../types';
import type { KubeObject } from '../../types/object';
import { StatusError } from '../../apiserver/types';
import { parseSelector } from '../../labels/selector';
import { cordonNodes } from './cordon';
import { kubectlCtx, namespaceFlag, selectNodes, selectorFlag, usageError } from './nodeTargets';
import { deletionErrors, deletionWarnings, podsForDeletion, type DrainOptions } from './drainPods';
import { capNote, waitTimeout } from './waitCap';

interface EvictOptions {
  gracePeriodSeconds: number;
  disableEviction: boolean;
  timeoutMs: number;
  capped: boolean;
}

const aggregate = (errs: readonly string[]) =>
  errs.length === 1 ? (errs[0] as string) : `[${errs.join(', ')}]`;

/**
 * Evict (or delete) the pods, then advance virtual time until each is gone (NotFound, or replaced by a new UID).
 * Eviction here is a graceful delete: kubesim's API server has no pods/eviction subresource (no PDB check yet).
 */
function evictAndWait(
  rt: ClusterRuntime,
  pods: readonly KubeObject[],
  o: EvictOptions,
): { out: string; error?: string; pending: KubeObject[] } {
  let out = '';
  const ctx = kubectlCtx('drain');
  const opts = o.gracePeriodSeconds >= 0 ? { gracePeriodSeconds: o.gracePeriodSeconds } : {};
  let pending: KubeObject[] = [];
  for (const pod of pods) {
    const { namespace, name } = pod.metadata;
    if (!o.disableEviction) out += `evicting pod ${namespace}/${name}\n`;
    try {
      rt.api.delete('pods', namespace, name ?? '', opts, ctx);
      pending.push(pod);
    } catch (e) {
      if (!(e instanceof StatusError) || e.status.code !== 404) throw e;
    }
  }
  const verb = o.disableEviction ? 'deleted' : 'evicted';
  const gone = (pod: KubeObject) => {
    try {
      return (
        rt.api.get('pods', pod.metadata.namespace, pod.metadata.name ?? '').metadata.uid !== pod.metadata.uid
      );
    } catch (e) {
      if (e instanceof StatusError && e.status.code === 404) return true;
      throw e;
    }
  };
  const sweep = () => {
    const still: KubeObject[] = [];
    for (const pod of pending) {
      if (gone(pod)) out += `pod/${pod.metadata.name} ${verb}\n`;
      else still.push(pod);
    }
    pending = still;
    return pending.length === 0;
  };
  if (rt.sim.runUntil(sweep, o.timeoutMs)) return { out, pending };
  const waitErr = 'context deadline exceeded';
  const errs = o.disableEviction
    ? [waitErr]
    : pending.map(
        (p) =>
          `error when waiting for pod "${p.metadata.name}" in namespace "${p.metadata.namespace}" to terminate: ${waitErr}`,
      );
  return { out, error: aggregate(errs), pending };
}

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
  const r = evictAndWait(rt, list.pods, o);
  if (r.error === undefined) return { stdout: r.out, stderr };
  stderr += `There are pending pods in node "${name}" when an error occurred: ${r.error}\n`;
  for (const p of r.pending) stderr += `pod/${p.metadata.name}\n`;
  stderr += capNote(o.capped);
  return { stdout: r.out, stderr, error: r.error };
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
      help: 'The length of time to wait before giving up.',
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
