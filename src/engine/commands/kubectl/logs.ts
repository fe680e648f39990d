// `kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]` and `kubectl logs -l SELECTOR`: what a container wrote.
// mirrors kubectl/pkg/cmd/logs/logs.go (Complete, Validate, the prefixing writer); which pods and containers it reads
// is logsTargets.ts, the server side kubelet/logEndpoint.ts. Only kubesim's demo images write lines
// (kubelet/demoImages.ts): a silent container gets a note saying so. -f follows on virtual time until the container
// stops, or the cluster has nothing left to do.
import type { ClusterRuntime } from '../../cluster/types';
import type { CommandContext, CommandResult, CommandSpec } from '../types';
import type { ParsedArgs } from '../args';
import { StatusError } from '../../apiserver/types';
import { DurationError, parseDuration } from '../duration';
import { commandNamespace } from '../resourceName';
import { formatStatusError } from '../statusText';
import { fromRfc3339 } from '../../sim/clock';
import { formatLogLine, readPodLogs, type PodLogOptions } from '../../kubelet/logEndpoint';
import { kubeletOf } from '../../kubelet/eviction/oomKill';
import { demoStartLog } from '../../kubelet/demoImages';
import { stoppedNote, WAIT_FOREVER_CAP_MS } from './waitCap';
import { selectorFlag } from './writeSupport';
import { LogsError, requestsFor, type LogRequest } from './logsTargets';

const USAGE = 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]';
const USAGE_ERR = `expected '${USAGE}'.\nPOD or TYPE/NAME is a required argument for the logs command`;

const usageError = (msg: string): CommandResult => ({
  code: 1,
  stdout: '',
  stderr: `error: ${msg}\nSee 'kubectl logs -h' for help and examples\n`,
});

const fail = (msg: string): CommandResult => ({ code: 1, stdout: '', stderr: `error: ${msg}\n` });

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
    requests = requestsFor(
      rt,
      { ...p, allContainers: args.bool('all-containers'), allPods: args.bool('all-pods') },
      err,
    );
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
