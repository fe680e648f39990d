// networking.k8s.io/v1 NetworkPolicy semantics: which policies isolate a pod per direction, and whether any rule
// allows a connection. Allows are additive; a pod selected by no policy for a direction is non-isolated.
// mirrors the documented semantics (concepts/services-networking/network-policies) as CNI plugins implement them.
import type { Pod } from 'kubernetes-types/core/v1';
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1';
import { selectorFromLabelSelector } from '../../labels/selector';
import { cidrContains } from '../ip';

export type Direction = 'Ingress' | 'Egress';

/** one side of a connection: a pod in the cluster, or an address outside it */
export interface PolicyPeer {
  ip: string;
  pod?: Pod;
  /** labels of the pod's namespace (with kubernetes.io/metadata.name) */
  namespaceLabels?: Readonly<Record<string, string>>;
}

export interface DirectionVerdict {
  direction: Direction;
  /** some policy selects the pod for this direction */
  isolated: boolean;
  allowed: boolean;
  /** ns/name of the policy whose rule allowed it (first match), or the isolating policies on a deny */
  policies: string[];
  /** index of the rule that allowed it */
  rule?: number;
  reason: string;
}

export interface ConnectionVerdict {
  allowed: boolean;
  egress?: DirectionVerdict;
  ingress?: DirectionVerdict;
}

export interface Connection {
  src: PolicyPeer;
  dst: PolicyPeer;
  port: number;
  protocol: string;
}

/** policyTypes as defaulted by the API server: Ingress always, Egress when egress rules exist */
export function policyTypesOf(p: NetworkPolicy): Direction[] {
  const given = p.spec?.policyTypes;
  if (given && given.length > 0)
    return given.filter((t): t is Direction => t === 'Ingress' || t === 'Egress');
  return p.spec?.egress && p.spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

const nameOf = (p: NetworkPolicy) => `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`;

function selects(p: NetworkPolicy, pod: Pod): boolean {
  if ((p.metadata?.namespace ?? '') !== (pod.metadata?.namespace ?? '')) return false;
  return selectorFromLabelSelector(p.spec?.podSelector ?? {}).matches(pod.metadata?.labels);
}

function peerMatches(peer: NetworkPolicyPeer, policyNs: string, other: PolicyPeer): boolean {
  if (peer.ipBlock) {
    if (!cidrContains(peer.ipBlock.cidr, other.ip)) return false;
    return !(peer.ipBlock.except ?? []).some((e) => cidrContains(e, other.ip));
  }
  const pod = other.pod;
  if (!pod) return false;
  const podNs = pod.metadata?.namespace ?? '';
  if (peer.namespaceSelector) {
    if (!selectorFromLabelSelector(peer.namespaceSelector).matches(other.namespaceLabels ?? {})) return false;
  } else if (podNs !== policyNs) return false;
  if (peer.podSelector) return selectorFromLabelSelector(peer.podSelector).matches(pod.metadata?.labels);
  return true;
}

/** a named port resolves against the destination pod's container ports */
function namedPort(pod: Pod | undefined, name: string, protocol: string): number | undefined {
  for (const c of pod?.spec?.containers ?? [])
    for (const p of c.ports ?? [])
      if (p.name === name && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  return undefined;
}

function portMatches(rulePort: NetworkPolicyPort, conn: Connection): boolean {
  if ((rulePort.protocol ?? 'TCP') !== conn.protocol) return false;
  if (rulePort.port === undefined) return true;
  if (typeof rulePort.port === 'string') {
    if (/^\d+$/.test(rulePort.port)) return Number(rulePort.port) === conn.port;
    return namedPort(conn.dst.pod, rulePort.port, conn.protocol) === conn.port;
  }
  const end = rulePort.endPort ?? rulePort.port;
  return conn.port >= rulePort.port && conn.port <= end;
}

interface RuleLike {
  peers?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}

function rulesOf(p: NetworkPolicy, dir: Direction): RuleLike[] {
  if (dir === 'Ingress') return (p.spec?.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports }));
  return (p.spec?.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports }));
}

/** the verdict for one direction: `self` is the pod the policies select, `other` the far side */
export function evaluateDirection(
  policies: readonly NetworkPolicy[],
  dir: Direction,
  self: Pod,
  other: PolicyPeer,
  conn: Connection,
): DirectionVerdict {
  const isolating = policies.filter((p) => policyTypesOf(p).includes(dir) && selects(p, self));
  if (isolating.length === 0)
    return {
      direction: dir,
      isolated: false,
      allowed: true,
      policies: [],
      reason: 'not selected by any policy',
    };
  for (const p of isolating) {
    const ns = p.metadata?.namespace ?? '';
    const rules = rulesOf(p, dir);
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i] as RuleLike;
      const peerOk = !r.peers || r.peers.length === 0 || r.peers.some((peer) => peerMatches(peer, ns, other));
      const portOk = !r.ports || r.ports.length === 0 || r.ports.some((rp) => portMatches(rp, conn));
      if (peerOk && portOk)
        return {
          direction: dir,
          isolated: true,
          allowed: true,
          policies: [nameOf(p)],
          rule: i,
          reason: `allowed by ${nameOf(p)} ${dir.toLowerCase()}[${i}]`,
        };
    }
  }
  const names = isolating.map(nameOf);
  return {
    direction: dir,
    isolated: true,
    allowed: false,
    policies: names,
    reason: `denied: ${dir.toLowerCase()} isolated by ${names.join(', ')} and no rule allows it`,
  };
}

/** egress of the source pod, then ingress of the destination pod; both must allow */
export function evaluateConnection(policies: readonly NetworkPolicy[], conn: Connection): ConnectionVerdict {
  const egress = conn.src.pod
    ? evaluateDirection(policies, 'Egress', conn.src.pod, conn.dst, conn)
    : undefined;
  const ingress = conn.dst.pod
    ? evaluateDirection(policies, 'Ingress', conn.dst.pod, conn.src, conn)
    : undefined;
  return { allowed: (egress?.allowed ?? true) && (ingress?.allowed ?? true), egress, ingress };
}
