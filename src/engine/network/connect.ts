// One connection through the modelled data path: kube-proxy DNAT, the CNI's hops, NetworkPolicy enforcement (where the
// plugin enforces it), Cilium's L7 HTTP rules, and the simulated server on the target pod. Used by curl, trace, DNS.
import type { Pod } from 'kubernetes-types/core/v1';
import { securityIdentity } from './cni/cilium';
import type { CniPlugin, Hop, PathEnd } from './cni/types';
import type { NetContext } from './context';
import { routeRequest, type RouteResult } from './kubeproxy/route';
import { evaluateConnection, type ConnectionVerdict } from './policy/evaluate';
import { l7Verdict } from './policy/ciliumL7';
import { nodeInternalIp } from './view';

export interface Client {
  /** the pod the connection starts from; undefined for a client outside the cluster */
  pod?: Pod;
  /** for outside clients: their address */
  ip?: string;
}

export type ConnectOutcome =
  | { kind: 'ok'; pod: Pod; status: number; body: string }
  | { kind: 'refused'; why: string }
  | { kind: 'timeout'; why: string };

export interface ConnectResult {
  outcome: ConnectOutcome;
  hops: Hop[];
  route: RouteResult;
  /** the address:port the packet finally goes to */
  dst?: { ip: string; port: number };
  verdict?: ConnectionVerdict;
}

export const OUTSIDE_CLIENT_IP = '203.0.113.10';

function podEnd(ctx: NetContext, pod: Pod): PathEnd {
  const node = pod.spec?.nodeName ?? '';
  const n = ctx.view.node(node);
  return { pod, ip: pod.status?.podIP ?? '', node, nodeIp: (n && nodeInternalIp(n)) ?? '' };
}

/** ports the simulated server listens on: declared containerPorts, or 80 and 8080 when none are declared */
export function listens(pod: Pod, port: number, protocol: string): boolean {
  const declared = (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []);
  if (declared.length === 0)
    return protocol === 'TCP' ? port === 80 || port === 8080 : protocol === 'UDP' && port === 53;
  return declared.some((p) => p.containerPort === port && (p.protocol ?? 'TCP') === protocol);
}

const podRef = (p: Pod) => `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`;

/** the node an outside packet lands on: the node owning the IP, else (a load balancer) the first Ready node */
function entryNode(ctx: NetContext, dstIp: string): string {
  const byIp = ctx.view.nodeByIp(dstIp);
  if (byIp) return byIp.metadata?.name ?? '';
  const ready = ctx.view.nodes.find(
    (n) =>
      n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') &&
      !n.metadata?.labels?.['node-role.kubernetes.io/control-plane'],
  );
  return ready?.metadata?.name ?? ctx.view.nodes[0]?.metadata?.name ?? '';
}

export function connect(
  ctx: NetContext,
  client: Client,
  dstIp: string,
  dstPort: number,
  protocol: string,
  http?: { method: string; path: string },
): ConnectResult {
  const hops: Hop[] = [];
  const fromOutside = client.pod === undefined;
  const node = client.pod ? (client.pod.spec?.nodeName ?? '') : entryNode(ctx, dstIp);
  const clientIp = client.pod?.status?.podIP ?? client.ip ?? OUTSIDE_CLIENT_IP;
  const route = routeRequest(ctx.view, ctx.proxy, ctx.mode, {
    dstIp,
    dstPort,
    protocol,
    clientIp,
    node,
    fromOutside,
    nowMs: ctx.nowMs,
  });
  if (route.kind === 'reject')
    return {
      outcome: { kind: 'refused', why: `kube-proxy on ${node}: REJECT, ${route.reason}` },
      hops,
      route,
    };
  if (route.kind === 'drop')
    return { outcome: { kind: 'timeout', why: `kube-proxy on ${node}: DROP, ${route.reason}` }, hops, route };
  let ip = dstIp;
  let port = dstPort;
  if (route.kind === 'dnat') {
    ip = route.endpoint.ip;
    port = route.endpoint.port;
    const how =
      ctx.mode === 'ipvs'
        ? 'ipvs (kube-ipvs0)'
        : `${ctx.mode} ${route.trafficPolicy === 'Local' ? 'KUBE-SVL' : 'KUBE-SVC'}`;
    hops.push({
      node,
      at: `kube-proxy ${how}`,
      detail: `${route.svcPortName} ${dstIp}:${dstPort} -> DNAT ${ip}:${port}${route.sticky ? ' (ClientIP affinity)' : ''}`,
    });
  }
  const target = ctx.view.podByIp(ip);
  if (!target) {
    const onNode = ctx.view.nodeByIp(ip);
    if (onNode)
      return {
        outcome: { kind: 'refused', why: `nothing listens on ${ip}:${port}` },
        hops,
        route,
        dst: { ip, port },
      };
    return {
      outcome: { kind: 'timeout', why: `no pod or node has address ${ip}` },
      hops,
      route,
      dst: { ip, port },
    };
  }
  const dstEnd = podEnd(ctx, target);
  // traffic from outside with externalTrafficPolicy Cluster is SNATed to the node's IP (kube-proxy KUBE-MARK-MASQ)
  const entryNodeObj = ctx.view.node(node);
  const snat = fromOutside && route.kind === 'dnat' && route.trafficPolicy === 'Cluster';
  const srcEnd: PathEnd = client.pod
    ? podEnd(ctx, client.pod)
    : {
        ip: snat ? ((entryNodeObj && nodeInternalIp(entryNodeObj)) ?? clientIp) : clientIp,
        node,
        nodeIp: (entryNodeObj && nodeInternalIp(entryNodeObj)) ?? '',
      };
  if (snat)
    hops.push({
      node,
      at: 'kube-proxy KUBE-POSTROUTING',
      detail: `MASQUERADE: source ${clientIp} -> ${srcEnd.ip} (externalTrafficPolicy Cluster)`,
    });
  const plugin = ctx.cni.plugin;
  let path = plugin.path(srcEnd, dstEnd, ctx.view);
  const conn = {
    src: {
      ip: srcEnd.ip,
      pod: client.pod,
      namespaceLabels: client.pod
        ? ctx.view.namespaceLabels(client.pod.metadata?.namespace ?? '')
        : undefined,
    },
    dst: { ip, pod: target, namespaceLabels: ctx.view.namespaceLabels(target.metadata?.namespace ?? '') },
    port,
    protocol,
  };
  const verdict = evaluateConnection(ctx.view.policies, conn);
  const record = (ok: boolean, summary: string) => {
    if (plugin.name !== 'cilium') return;
    ctx.cni.flows.record({
      timeMs: ctx.nowMs,
      src: client.pod ? podRef(client.pod) : srcEnd.ip,
      srcIdentity: securityIdentity(srcEnd),
      dst: podRef(target),
      dstIdentity: securityIdentity(dstEnd),
      port,
      protocol,
      verdict: ok ? 'FORWARDED' : 'DROPPED',
      summary,
    });
  };
  const enforced = enforcePolicy(plugin, srcEnd, dstEnd, verdict, path, client.pod !== undefined);
  if (enforced.denied) {
    record(false, 'Policy denied');
    return {
      outcome: { kind: 'timeout', why: enforced.denied },
      hops: [...hops, ...enforced.path],
      route,
      dst: { ip, port },
      verdict,
    };
  }
  path = enforced.path;
  hops.push(...path);
  const phase = target.status?.phase;
  if (phase !== 'Running' || !listens(target, port, protocol)) {
    record(true, 'to-endpoint');
    return {
      outcome: { kind: 'refused', why: `${podRef(target)} does not listen on ${protocol} ${port} (TCP RST)` },
      hops,
      route,
      dst: { ip, port },
      verdict,
    };
  }
  if (plugin.name === 'cilium' && http) {
    const l7 = l7Verdict(ctx.view, verdict, http.method, http.path);
    if (l7) {
      hops.push({ node: dstEnd.node, at: 'cilium-envoy (L7 proxy)', detail: l7.detail });
      if (!l7.allowed) {
        record(false, `L7 HTTP ${http.method} ${http.path} denied`);
        return {
          outcome: { kind: 'ok', pod: target, status: 403, body: 'Access denied\r\n' },
          hops,
          route,
          dst: { ip, port },
          verdict,
        };
      }
    }
  }
  record(true, 'to-endpoint');
  return {
    outcome: { kind: 'ok', pod: target, status: 200, body: `Hello from ${target.metadata?.name ?? ''}\n` },
    hops,
    route,
    dst: { ip, port },
    verdict,
  };
}

/**
 * Insert the plugin's policy hops into the path (egress after the source pod, ingress before the destination pod);
 * on a deny, the path stops where the packet is dropped. Flannel only notes that the policy is not enforced.
 */
function enforcePolicy(
  plugin: CniPlugin,
  srcEnd: PathEnd,
  dstEnd: PathEnd,
  verdict: ConnectionVerdict,
  path: Hop[],
  fromPod: boolean,
): { path: Hop[]; denied?: string } {
  if (!plugin.enforcesPolicy) {
    if (!verdict.egress?.isolated && !verdict.ingress?.isolated) return { path };
    const note: Hop = {
      node: dstEnd.node,
      at: 'NetworkPolicy',
      detail: `${plugin.name} does not enforce NetworkPolicy: the policy would ${verdict.allowed ? 'allow' : 'DROP'} this, but the packet passes`,
    };
    return { path: [...path.slice(0, -1), note, ...path.slice(-1)] };
  }
  const first = path.slice(0, 1);
  const egressHop = verdict.egress && fromPod ? [plugin.policyHop(srcEnd, verdict.egress)] : [];
  if (verdict.egress && !verdict.egress.allowed)
    return { path: [...first, ...egressHop], denied: verdict.egress.reason };
  const ingressHop = verdict.ingress ? [plugin.policyHop(dstEnd, verdict.ingress)] : [];
  const full = [...first, ...egressHop, ...path.slice(1, -1), ...ingressHop, ...path.slice(-1)];
  if (verdict.ingress && !verdict.ingress.allowed)
    return { path: full.slice(0, -1), denied: verdict.ingress.reason };
  return { path: full };
}
