// `kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]` and `kubectl logs -l SELECTOR`: what a container wrote.
// mirrors kubectl/pkg/cmd/logs/logs.go (Complete, Validate, the prefixing writer) and polymorphichelpers
// logsforobject.go (default container, "Defaulted container", "Found N pods", podutils.ByLogging); the server side
// is kubelet/logEndpoint.ts. Only kubesim's demo images write lines (kubelet/demoImages.ts): a silent container gets
// a note saying so. -f follows on virtual time until the container stops, or the cluster has nothing left to do.
import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterRuntime } from '../../cluster/types';
import type { CommandContext, CommandResult, CommandSpec } from '../types';
import type { ParsedArgs } from '../args';
import type { KubeObject } from '../../types/object';
import { StatusError } from '../../apiserver/types';
import { DurationError, parseDuration } from '../duration';
import { commandNamespace } from '../resourceName';
import { formatStatusError } from '../statusText';
import type { Selector } from '../../labels/types';
import { fromRfc3339 } from '../../sim/clock';
import { formatLogLine, readPodLogs, type PodLogOptions } from '../../kubelet/logEndpoint';
import { kubeletOf } from '../../kubelet/eviction/oomKill';
import { demoStartLog } from '../../kubelet/demoImages';
import { isPodReady, podReadyTimeMs } from '../../controllers/shared/podUtil';
import { stoppedNote, WAIT_FOREVER_CAP_MS } from './waitCap';
import { selectorFlag } from './writeSupport';
import { selectorOf } from './attachablePod';
import { qualified } from './resourceArgs';
import { allContainerNames, DEFAULT_CONTAINER_ANNOTATION, firstContainer, hasContainer } from './podcmd';

const USAGE = 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]';
const USAGE_ERR = `expected '${USAGE}'.\nPOD or TYPE/NAME is a required argument for the logs command`;

const usageError = (msg: string): CommandResult => ({
  code: 1,
  stdout: '',
  stderr: `error: ${msg}\nSee 'kubectl logs -h' for help and examples\n`,
});

/** one log request: a pod's container */
interface LogRequest {
  pod: Readonly<Pod>;
  container: string;
}

class LogsError extends Error {}

const fail = (msg: string): CommandResult => ({ code: 1, stdout: '', stderr: `error: ${msg}\n` });

/** logsForObjectWithClient's Pod case: the requests, and what it prints on stderr on the way */
function podRequests(
  pod: Readonly<Pod>,
  container: string,
  allContainers: boolean,
  err: string[],
  quiet: boolean,
): LogRequest[] {
  const spec = pod.spec;
  if (allContainers) {
    const names = [
      ...(spec?.initContainers ?? []),
      ...(spec?.containers ?? []),
      ...(spec?.ephemeralContainers ?? []),
    ];
    return names.map((c) => ({ pod, container: c.name }));
  }
  let name = container;
  const wanted = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (!name && wanted) {
    if (hasContainer(pod, wanted)) name = wanted;
    else err.push(`Default container name "${wanted}" not found in pod ${pod.metadata?.name ?? ''}`);
  }
  if (!name) {
    const first = firstContainer(pod, quiet);
    name = first.name;
    if (first.warning) err.push(first.warning);
  }
  if (!hasContainer(pod, name)) {
    throw new LogsError(
      `container ${name} is not valid for pod ${pod.metadata?.name ?? ''} out of: ${allContainerNames(pod)}`,
    );
  }
  return [{ pod, container: name }];
}

const PHASE_ORDER: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

function maxRestarts(p: Readonly<Pod>): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
}

/** podutils.ByLogging: the pod `kubectl logs deploy/web` reads (assigned, Running, ready longest, most restarts, oldest) */
export function byLogging(a: Readonly<Pod>, b: Readonly<Pod>): number {
  const an = a.spec?.nodeName ?? '';
  const bn = b.spec?.nodeName ?? '';
  if (an !== bn && (an === '' || bn === '')) return an ? -1 : 1;
  const pa = PHASE_ORDER[a.status?.phase ?? ''] ?? 3;
  const pb = PHASE_ORDER[b.status?.phase ?? ''] ?? 3;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a as unknown as KubeObject);
  const rb = isPodReady(b as unknown as KubeObject);
  if (ra !== rb) return ra ? -1 : 1;
  if (ra && rb) {
    const ta = podReadyTimeMs(a as unknown as KubeObject) ?? 0;
    const tb = podReadyTimeMs(b as unknown as KubeObject) ?? 0;
    if (ta !== tb) return ta - tb;
  }
  const rs = maxRestarts(b) - maxRestarts(a);
  if (rs !== 0) return rs;
  const ca = a.metadata?.creationTimestamp ?? '';
  const cb = b.metadata?.creationTimestamp ?? '';
  if (ca !== cb) return ca < cb ? -1 : 1;
  return (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
}

const SELECTOR_KINDS = new Set([
  'ReplicaSet',
  'ReplicationController',
  'StatefulSet',
  'DaemonSet',
  'Deployment',
  'Job',
  'Service',
]);

/** SelectorsForObject: the pod selector of a workload or Service */
function selectorFor(obj: Readonly<KubeObject>): Selector {
  const sel = SELECTOR_KINDS.has(obj.kind ?? '') ? selectorOf(obj) : undefined;
  if (!sel) {
    throw new LogsError(
      `cannot get the logs from *v1.${obj.kind ?? ''}: selector for *v1.${obj.kind ?? ''} not implemented`,
    );
  }
  return sel;
}

/** GetFirstPod: the pods the selector picks, sorted ByLogging; with none yet, wait --pod-running-timeout for one */
function podsFor(rt: ClusterRuntime, ns: string, selector: Selector, timeoutMs: number): Readonly<Pod>[] {
  const list = (): Readonly<Pod>[] =>
    rt.api
      .list('pods', ns)
      .items.filter((p) => selector.matches(p.metadata.labels))
      .map((p) => p as unknown as Pod);
  let pods = list();
  if (pods.length === 0 && rt.sim.runUntil(() => list().length > 0, timeoutMs)) pods = list();
  if (pods.length === 0) throw new LogsError('timed out waiting for the condition');
  return pods.sort(byLogging);
}

interface Parsed {
  ns: string;
  selector: string;
  resource: string | undefined;
  container: string;
  opts: Omit<PodLogOptions, 'container'>;
  /** --pod-running-timeout */
  podTimeoutMs: number;
}

/** Complete and Validate up to the API calls; a CommandResult is the usage or validation error */
function parse(args: ParsedArgs, rt: ClusterRuntime): Parsed | CommandResult {
  const selector = args.string('selector') ?? '';
  const pos = args.positionals;
  if (pos.length === 0 && !selector) return usageError(USAGE_ERR);
  if (pos.length === 1 && selector) return usageError('only a selector (-l) or a POD name is allowed');
  if (pos.length > 2) return usageError(USAGE_ERR);
  const timeout = args.string('pod-running-timeout') ?? '20s';
  let podTimeoutMs: number;
  try {
    podTimeoutMs = parseDuration(timeout);
  } catch (e) {
    if (!(e instanceof DurationError)) throw e;
    return fail(`invalid argument "${timeout}" for "--pod-running-timeout" flag: ${e.message}`);
  }
  if (podTimeoutMs <= 0) return fail('--pod-running-timeout must be higher than zero');
  const opts: Omit<PodLogOptions, 'container'> = {
    previous: args.bool('previous'),
    timestamps: args.bool('timestamps'),
  };
  const sinceTime = args.string('since-time');
  if (sinceTime) {
    try {
      opts.sinceMs = fromRfc3339(sinceTime);
    } catch {
      return {
        code: 1,
        stdout: '',
        stderr: `error: parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"\n`,
      };
    }
  }
  let sinceMs = 0;
  const since = args.string('since');
  if (since !== undefined) {
    try {
      sinceMs = parseDuration(since);
    } catch (e) {
      if (!(e instanceof DurationError)) throw e;
      return {
        code: 1,
        stdout: '',
        stderr: `error: invalid argument "${since}" for "--since" flag: ${e.message}\n`,
      };
    }
    // kubectl rounds --since to whole seconds
    if (sinceMs !== 0) opts.sinceMs = rt.sim.clock.nowMs() - Math.round(sinceMs / 1000) * 1000;
  }
  const tail = args.int('tail') ?? -1;
  if (selector && tail === -1 && !args.has('tail')) opts.tailLines = 10;
  else if (tail !== -1) opts.tailLines = tail;
  const limit = args.int('limit-bytes') ?? 0;
  if (limit !== 0) opts.limitBytes = limit;
  const container = pos[1] ?? args.string('container') ?? '';
  // Validate
  if (sinceTime && sinceMs !== 0)
    return fail('at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (args.bool('all-containers') && container)
    return fail(`--all-containers=true should not be specified with container name ${container}`);
  if (args.has('container') && pos.length === 2)
    return fail('only one of -c or an inline [CONTAINER] arg is allowed');
  if (limit < 0) return fail('--limit-bytes must be greater than 0');
  if (sinceMs < 0) return fail('--since must be greater than 0');
  if (tail < -1) return fail('--tail must be greater than or equal to -1');
  return {
    ns: commandNamespace(args.string('namespace')),
    selector,
    resource: pos[0],
    container,
    opts,
    podTimeoutMs,
  };
}

/** the builder's object (a pod, a workload, or the selected pods) turned into log requests */
function requestsFor(rt: ClusterRuntime, p: Parsed, args: ParsedArgs, err: string[]): LogRequest[] {
  const allContainers = args.bool('all-containers');
  if (p.selector) {
    const pods = rt.api.list('pods', p.ns, { labelSelector: p.selector }).items as unknown as Pod[];
    if (pods.length === 0) err.push(`No resources found in ${p.ns} namespace.`);
    return pods.flatMap((pod) => podRequests(pod, p.container, allContainers, err, false));
  }
  const arg = p.resource ?? '';
  const slash = arg.indexOf('/');
  const type = slash < 0 ? 'pods' : arg.slice(0, slash);
  let info;
  try {
    info = rt.api.resolve(type);
  } catch {
    throw new LogsError(`the server doesn't have a resource type "${type}"`);
  }
  const name = slash < 0 ? arg : arg.slice(slash + 1);
  let obj: Readonly<KubeObject>;
  try {
    obj = rt.api.get(qualified(info), p.ns, name);
  } catch (e) {
    if (e instanceof StatusError && e.status.code === 404)
      throw new LogsError(`error from server (NotFound): ${e.status.message} in namespace "${p.ns}"`);
    throw e;
  }
  const allPods = args.bool('all-pods');
  if (info.kind === 'Pod')
    return podRequests(obj as unknown as Pod, p.container, allContainers, err, allPods);
  const pods = podsFor(rt, p.ns, selectorFor(obj), p.podTimeoutMs);
  const first = pods[0] as Readonly<Pod>;
  if (pods.length > 1 && !allPods)
    err.push(`Found ${pods.length} pods, using pod/${first.metadata?.name ?? ''}`);
  const targets = allPods ? pods : [first];
  return targets.flatMap((pod) => podRequests(pod, p.container, allContainers, err, allPods));
}

/** the running instance a follow reads from is still running */
function instanceRunning(rt: ClusterRuntime, req: LogRequest, containerID: string): boolean {
  const node = req.pod.spec?.nodeName ?? '';
  const w = kubeletOf(rt)
    ?.workersOn(node)
    .find((x) => x.uid === req.pod.metadata?.uid);
  const c = w?.containers.find((x) => x.name === req.container);
  return c?.state === 'running' && c.containerID === containerID;
}

function runLogs(args: ParsedArgs, { rt }: CommandContext): CommandResult {
  const p = parse(args, rt);
  if (!('opts' in p)) return p;
  const err: string[] = [];
  let requests: LogRequest[];
  try {
    requests = requestsFor(rt, p, args, err);
  } catch (e) {
    if (e instanceof LogsError)
      return { code: 1, stdout: '', stderr: [...err, `error: ${e.message}`].join('\n') + '\n' };
    throw e;
  }
  const follow = args.bool('follow');
  const maxFollow = args.int('max-log-requests') ?? 5;
  if (follow && requests.length > 1 && requests.length > maxFollow) {
    err.push(
      `error: you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${maxFollow}, use --max-log-requests to increase the limit`,
    );
    return { code: 1, stdout: '', stderr: err.join('\n') + '\n' };
  }
  const prefixed = args.bool('prefix') || args.bool('all-pods');
  const prefixOf = (r: LogRequest): string =>
    prefixed ? `[pod/${r.pod.metadata?.name ?? ''}/${r.container}] ` : '';
  const withPrefix = (text: string, prefix: string): string =>
    prefix ? text.replace(/^(?=.)/gm, prefix) : text;
  let stdout = '';
  const followed = new Map<string, { req: LogRequest; prefix: string }>();
  const silent: LogRequest[] = [];
  // the API server answers an unscheduled pod's log request with an empty stream; kubesim says why
  const unscheduled = new Set<string>();
  for (const req of requests) {
    let containerID: string | undefined;
    try {
      const stream = readPodLogs(rt, req.pod, { ...p.opts, container: req.container });
      stdout += withPrefix(stream.text, prefixOf(req));
      containerID = stream.containerID;
      if (stream.text === '' && containerID !== undefined) silent.push(req);
      if (containerID === undefined)
        unscheduled.add(
          `(kubesim: pod ${req.pod.metadata?.name ?? ''} has no node yet, so no kubelet has logs for it)`,
        );
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      if (args.bool('ignore-errors')) {
        err.push(`error: ${formatStatusError(e.status)}`);
        continue;
      }
      return { code: 1, stdout, stderr: [...err, formatStatusError(e.status)].join('\n') + '\n' };
    }
    if (follow && containerID && instanceRunning(rt, req, containerID))
      followed.set(containerID, { req, prefix: prefixOf(req) });
  }
  if (followed.size > 0) {
    const logs = kubeletOf(rt)?.logs;
    const off = logs?.onWrite((id, line) => {
      const f = followed.get(id);
      if (f) stdout += f.prefix + formatLogLine(line, p.opts.timestamps);
    });
    const start = rt.sim.clock.nowMs();
    const ended = (): boolean => [...followed].every(([id, f]) => !instanceRunning(rt, f.req, id));
    let settled: boolean;
    try {
      settled = rt.sim.settle(WAIT_FOREVER_CAP_MS, ended).settled;
    } finally {
      off?.();
    }
    if (!ended()) err.push(stoppedNote('following', rt.sim.clock.nowMs() - start, settled).trimEnd());
  }
  err.push(...unscheduled);
  // real kubectl prints nothing for a silent container; kubesim says why there is nothing to see
  const images = new Set<string>();
  for (const req of silent) {
    const all = [...(req.pod.spec?.containers ?? []), ...(req.pod.spec?.initContainers ?? [])];
    const image = all.find((c) => c.name === req.container)?.image ?? '';
    if (demoStartLog(image) === undefined) images.add(image);
  }
  if (images.size > 0 && !follow) {
    err.push(
      `(kubesim: containers running ${[...images].join(', ')} write no log lines in kubesim; only the kubesim/* demo images do, e.g. kubesim/crash:5s)`,
    );
  }
  return { code: 0, stdout, stderr: err.length > 0 ? err.join('\n') + '\n' : '' };
}

export const logsCommand: CommandSpec = {
  path: ['logs'],
  summary: 'Print the logs for a container in a pod',
  // descriptions: kubectl/pkg/cmd/logs/logs.go AddFlags, cmdutil.AddPodRunningTimeoutFlag
  flags: [
    { name: 'namespace', short: 'n', type: 'string' },
    { name: 'container', short: 'c', type: 'string', help: 'Print the logs of this container' },
    { name: 'follow', short: 'f', type: 'bool', help: 'Specify if the logs should be streamed.' },
    {
      name: 'previous',
      short: 'p',
      type: 'bool',
      help: 'If true, print the logs for the previous instance of the container in a pod if it exists.',
    },
    { name: 'timestamps', type: 'bool', help: 'Include timestamps on each line in the log output' },
    {
      name: 'tail',
      type: 'int',
      default: -1,
      help: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.',
    },
    {
      name: 'since',
      type: 'duration',
      default: '0s',
      help: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.',
    },
    {
      name: 'since-time',
      type: 'string',
      help: 'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.',
    },
    {
      name: 'limit-bytes',
      type: 'int',
      default: 0,
      help: 'Maximum bytes of logs to return. Defaults to no limit.',
    },
    selectorFlag,
    { name: 'all-containers', type: 'bool', help: "Get all containers' logs in the pod(s)." },
    { name: 'all-pods', type: 'bool', help: 'Get logs from all pod(s). Sets prefix to true.' },
    {
      name: 'prefix',
      type: 'bool',
      help: 'Prefix each log line with the log source (pod name and container name)',
    },
    {
      name: 'ignore-errors',
      type: 'bool',
      help: 'If watching / following pod logs, allow for any errors that occur to be non-fatal',
    },
    {
      name: 'max-log-requests',
      type: 'int',
      default: 5,
      help: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.',
    },
    {
      name: 'pod-running-timeout',
      type: 'duration',
      default: '20s',
      help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
    },
  ],
  run: runLogs,
};
