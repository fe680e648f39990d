// The pods/log subresource end to end: the API server's LogLocation (pkg/registry/core/pod/strategy.go: no node, no
// log stream) and its connection to the node's kubelet, then the kubelet's containerLogs endpoint
// (kubelet_pods.go validateContainerLogStatus and GetKubeletContainerLogs): which container instance a request
// reads, kubectl's familiar "is waiting to start" errors, and sinceSeconds / sinceTime / tailLines / limitBytes /
// timestamps applied to that instance's lines.
import type { ContainerStatus, Node, Pod } from 'kubernetes-types/core/v1';
import type { ClusterRuntime } from '../cluster/types';
import { newBadRequest, status } from '../apiserver/errors';
import { nodeInternalIp } from '../network/view';
import { formatSecond } from '../sim/clock';
import type { LogLine } from './containerLogs';
import { kubeletOf } from './eviction/oomKill';

/** PodLogOptions as kubectl sends them (the container is always named by then) */
export interface PodLogOptions {
  container: string;
  previous?: boolean;
  timestamps?: boolean;
  /** only lines written at or after this virtual ms (sinceSeconds or sinceTime) */
  sinceMs?: number;
  tailLines?: number;
  limitBytes?: number;
}

export interface PodLogStream {
  /** the instance read; undefined when the API server had no node to ask (an unscheduled pod: empty stream) */
  containerID: string | undefined;
  text: string;
}

/** RFC 3339 with nanoseconds, trailing zeros dropped (Go's time.RFC3339Nano), as the kubelet prefixes --timestamps */
export function rfc3339Nano(ms: number): string {
  const whole = Math.floor(ms / 1000);
  const frac = Math.round(ms - whole * 1000);
  const base = formatSecond(whole);
  if (frac === 0) return base;
  return `${base.slice(0, -1)}.${String(frac).padStart(3, '0').replace(/0+$/, '')}Z`;
}

/** one line as the kubelet streams it */
export function formatLogLine(line: LogLine, timestamps: boolean | undefined): string {
  return timestamps ? `${rfc3339Nano(line.timeMs)} ${line.text}\n` : `${line.text}\n`;
}

function findStatus(pod: Readonly<Pod>, name: string): ContainerStatus | undefined {
  const s = pod.status;
  return (
    s?.containerStatuses?.find((c) => c.name === name) ??
    s?.initContainerStatuses?.find((c) => c.name === name) ??
    s?.ephemeralContainerStatuses?.find((c) => c.name === name)
  );
}

/** kubelet_pods.go validateContainerLogStatus: the containerID to read, or the error the kubelet answers with */
export function containerToRead(pod: Readonly<Pod>, container: string, previous: boolean): string {
  const podName = pod.metadata?.name ?? '';
  const cs = findStatus(pod, container);
  const q = (s: string): string => JSON.stringify(s);
  if (!cs) throw newBadRequest(`container ${q(container)} in pod ${q(podName)} is not available`);
  const last = cs.lastState?.terminated;
  const { waiting, running, terminated } = cs.state ?? {};
  if (previous) {
    if (!last?.containerID)
      throw newBadRequest(`previous terminated container ${q(container)} in pod ${q(podName)} not found`);
    return last.containerID;
  }
  if (running) return cs.containerID ?? '';
  if (terminated) {
    if (terminated.containerID) return terminated.containerID;
    if (last?.containerID) return last.containerID;
    throw newBadRequest(`container ${q(container)} in pod ${q(podName)} is terminated`);
  }
  if (last) {
    if (!last.containerID)
      throw newBadRequest(`container ${q(container)} in pod ${q(podName)} is terminated`);
    return last.containerID;
  }
  if (waiting) {
    const why =
      waiting.reason === 'ErrImagePull'
        ? "image can't be pulled"
        : waiting.reason === 'ImagePullBackOff'
          ? 'trying and failing to pull image'
          : (waiting.reason ?? '');
    throw newBadRequest(`container ${q(container)} in pod ${q(podName)} is waiting to start: ${why}`);
  }
  throw newBadRequest(`container ${q(container)} in pod ${q(podName)} is waiting to start - no logs yet`);
}

/** the lines of one container instance after sinceMs / tailLines (kuberuntime ReadLogs) */
export function selectLines(lines: readonly LogLine[], opts: PodLogOptions): readonly LogLine[] {
  let out = opts.sinceMs === undefined ? lines : lines.filter((l) => l.timeMs >= (opts.sinceMs as number));
  if (opts.tailLines !== undefined && opts.tailLines >= 0)
    out = opts.tailLines === 0 ? [] : out.slice(-opts.tailLines);
  return out;
}

/** limitBytes: the stream stops after that many bytes (a line may be cut) */
export function limitText(text: string, limitBytes: number | undefined): string {
  if (limitBytes === undefined) return text;
  const bytes = new TextEncoder().encode(text);
  return bytes.length <= limitBytes ? text : new TextDecoder().decode(bytes.slice(0, limitBytes));
}

/** GET pods/NAME/log: read through the API server from the pod's kubelet; throws the StatusError kubectl prints */
export function readPodLogs(rt: ClusterRuntime, pod: Readonly<Pod>, opts: PodLogOptions): PodLogStream {
  const node = pod.spec?.nodeName;
  if (!node) return { containerID: undefined, text: '' };
  if (rt.machines.get(node)?.up === false) {
    // the API server cannot dial the kubelet of a machine that is down (ErrorToAPIStatus: reason Unknown)
    const ip = nodeInternalIp(rt.api.get('nodes', undefined, node) as unknown as Node) ?? node;
    const path = `/containerLogs/${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}/${opts.container}`;
    throw status(500, '', `Get "https://${ip}:10250${path}": dial tcp ${ip}:10250: i/o timeout`);
  }
  const containerID = containerToRead(pod, opts.container, opts.previous === true);
  const lines = selectLines(kubeletOf(rt)?.logs.read(containerID) ?? [], opts);
  const text = lines.map((l) => formatLogLine(l, opts.timestamps)).join('');
  return { containerID, text: limitText(text, opts.limitBytes) };
}
