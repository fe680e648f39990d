// `kubectl describe node`: mirrors describe.go describeNode / describeNodeResource / getPodsTotalRequestsAndLimits.
import type { Container, Node, Pod } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { KubeObject } from '../../../types/object';
import type { DescribeInputs } from './types';
import { DescribeWriter } from './writer';
import {
  describeEvents,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTaintsMultiline,
  rfc1123z,
} from './common';
import { findNodeRoles } from '../columns/cluster';
import { translateTimestampSince } from '../age';
import { Quantity, tryParseQuantity } from '../../../quantity/index';

type Totals = Map<string, Quantity>;

const ZERO = Quantity.fromValue(0);

function addList(acc: Totals, list: Readonly<Record<string, unknown>> | undefined): void {
  for (const [name, raw] of Object.entries(list ?? {})) {
    const q = tryParseQuantity(String(raw));
    if (q) acc.set(name, (acc.get(name) ?? ZERO).add(q));
  }
}

/** mirrors resourcehelper.PodRequests/PodLimits: sum of app containers, at least any single init container */
export function podResources(pod: Pod, which: 'requests' | 'limits'): Totals {
  const sum: Totals = new Map();
  for (const c of pod.spec?.containers ?? []) addList(sum, c.resources?.[which]);
  for (const c of (pod.spec?.initContainers ?? []) as Container[]) {
    const one: Totals = new Map();
    addList(one, c.resources?.[which]);
    for (const [name, q] of one) if ((sum.get(name) ?? ZERO).cmp(q) < 0) sum.set(name, q);
  }
  addList(sum, which === 'requests' ? pod.spec?.overhead : undefined);
  return sum;
}

const pct = (part: Quantity | undefined, whole: Quantity | undefined, milli: boolean): number => {
  if (!whole || whole.isZero()) return 0;
  const p = part ?? ZERO;
  return Math.trunc(
    ((milli ? p.milliValue() : p.value()) / (milli ? whole.milliValue() : whole.value())) * 100,
  );
};

function describeNodeResource(w: DescribeWriter, node: Node, pods: readonly Pod[], nowMs: number): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocRaw =
    Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status?.allocatable : node.status?.capacity;
  const alloc = (name: string) => tryParseQuantity(String((allocRaw ?? {})[name] ?? '0'));
  const cell = (q: Quantity | undefined, name: string, milli: boolean) =>
    `${(q ?? ZERO).toString()} (${pct(q, alloc(name), milli)}%)`;
  const reqs: Totals = new Map();
  const limits: Totals = new Map();
  for (const pod of pods) {
    const r = podResources(pod, 'requests');
    const l = podResources(pod, 'limits');
    for (const [k, v] of r) reqs.set(k, (reqs.get(k) ?? ZERO).add(v));
    for (const [k, v] of l) limits.set(k, (limits.get(k) ?? ZERO).add(v));
    w.write(
      1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${cell(r.get('cpu'), 'cpu', true)}\t${cell(l.get('cpu'), 'cpu', true)}\t${cell(r.get('memory'), 'memory', false)}\t${cell(l.get('memory'), 'memory', false)}\t${translateTimestampSince(pod.metadata?.creationTimestamp, nowMs)}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  for (const [name, milli] of [
    ['cpu', true],
    ['memory', false],
    ['ephemeral-storage', false],
  ] as const) {
    w.write(1, `${name}\t${cell(reqs.get(name), name, milli)}\t${cell(limits.get(name), name, milli)}\n`);
  }
}

function resourceList(
  w: DescribeWriter,
  title: string,
  list: Readonly<Record<string, unknown>> | undefined,
): void {
  const names = Object.keys(list ?? {}).sort();
  if (names.length === 0) return;
  w.write(0, `${title}:\n`);
  for (const n of names) w.write(0, `  ${n}:\t${String((list as Record<string, unknown>)[n])}\n`);
}

/** mirrors describeNodeLease */
function describeNodeLease(w: DescribeWriter, lease: KubeObject | string | undefined): void {
  if (lease === undefined) return;
  if (typeof lease === 'string') {
    w.write(0, `Lease:\tFailed to get lease: ${lease}\n`);
    return;
  }
  const spec = (lease as unknown as Lease).spec;
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${spec?.holderIdentity ?? '<unset>'}\n`);
  w.write(1, `AcquireTime:\t${spec?.acquireTime ? rfc1123z(spec.acquireTime) : '<unset>'}\n`);
  w.write(1, `RenewTime:\t${spec?.renewTime ? rfc1123z(spec.renewTime) : '<unset>'}\n`);
}

export function describeNode(obj: KubeObject, inputs: DescribeInputs): string {
  const node = obj as unknown as Node;
  const st = node.status ?? {};
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
  const roles = findNodeRoles(node);
  w.write(0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`);
  printTaintsMultiline(w, 'Taints', node.spec?.taints);
  w.write(0, `Unschedulable:\t${String(node.spec?.unschedulable ?? false)}\n`);
  describeNodeLease(w, inputs.lease);
  if ((st.conditions ?? []).length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of st.conditions ?? []) {
      w.write(
        1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of st.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  resourceList(w, 'Capacity', st.capacity);
  resourceList(w, 'Allocatable', st.allocatable);
  const info = st.nodeInfo;
  w.write(0, 'System Info:\n');
  w.write(0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
  w.write(0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
  w.write(0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
  w.write(0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
  w.write(0, `  OS Image:\t${info?.osImage ?? ''}\n`);
  w.write(0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
  w.write(0, `  Architecture:\t${info?.architecture ?? ''}\n`);
  w.write(0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
  w.write(0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if ((node.spec?.podCIDRs ?? []).length > 0)
    w.write(0, `PodCIDRs:\t${(node.spec?.podCIDRs ?? []).join(',')}\n`);
  if (node.spec?.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);
  describeNodeResource(w, node, inputs.pods ?? [], inputs.nowMs);
  describeEvents(w, inputs.events, inputs.nowMs);
  return w.toString();
}
