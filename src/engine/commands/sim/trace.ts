// `sim trace POD -> POD|SERVICE[:PORT]|IP:PORT [-n NS]`: the hops a packet takes for the cluster's CNI plugin
// (veth, bridge/OVS/eBPF, routes, encapsulation), kube-proxy's DNAT and rules, and the NetworkPolicy verdict.
import type { Pod } from 'kubernetes-types/core/v1';
import { connect } from '../../network/connect';
import { netContext, type NetContext } from '../../network/context';
import { parseIpv4 } from '../../network/ip';
import type { CommandSpec } from '../types';
import { fail } from '../types';

function split(ref: string, ns: string): { ns: string; name: string; port?: number } {
  const m = /^(?:([^/]+)\/)?([^:]+)(?::(\d+))?$/.exec(ref);
  return { ns: m?.[1] ?? ns, name: m?.[2] ?? ref, port: m?.[3] !== undefined ? Number(m[3]) : undefined };
}

/** destination address of a pod, a service or a literal IP */
function resolveDst(
  ctx: NetContext,
  ref: string,
  ns: string,
): { ip: string; port: number; label: string } | string {
  const d = split(ref, ns);
  if (parseIpv4(d.name) !== undefined)
    return { ip: d.name, port: d.port ?? 80, label: `${d.name}:${d.port ?? 80}` };
  const svc = ctx.view.service(d.ns, d.name);
  if (svc) {
    const port = d.port ?? svc.spec?.ports?.[0]?.port ?? 80;
    const ip = svc.spec?.clusterIP;
    if (!ip || ip === 'None')
      return `error: service ${d.ns}/${d.name} has no cluster IP (headless or ExternalName): trace a pod instead`;
    return { ip, port, label: `service ${d.ns}/${d.name}:${port}` };
  }
  const pod = ctx.view.pod(d.ns, d.name);
  if (pod) {
    const ip = pod.status?.podIP;
    if (!ip) return `error: pod ${d.ns}/${d.name} has no IP yet`;
    const port = d.port ?? pod.spec?.containers[0]?.ports?.[0]?.containerPort ?? 80;
    return { ip, port, label: `pod ${d.ns}/${d.name}:${port}` };
  }
  return `error: no pod or service "${d.name}" in namespace "${d.ns}"`;
}

export const simTraceCommand: CommandSpec = {
  path: ['trace'],
  summary: 'Show the hops a packet takes from a pod to a pod or service',
  flags: [
    { name: 'namespace', short: 'n', type: 'string', default: 'default' },
    // lets the arrow in `sim trace a -> b` parse (pflag would otherwise read `->` as an unknown shorthand)
    { name: 'arrow', short: '>', type: 'bool', help: 'the `->` between source and destination' },
  ],
  run(args, { rt }) {
    const ns = args.string('namespace') ?? 'default';
    const words = args.positionals.flatMap((w) => w.split('->')).filter((w) => w !== '');
    if (words.length !== 2 || !words[0] || !words[1])
      return fail('error: usage: sim trace POD -> POD|SERVICE[:PORT]|IP:PORT\n');
    const ctx = netContext(rt);
    const s = split(words[0], ns);
    const src = ctx.view.pod(s.ns, s.name) as Pod | undefined;
    if (!src) return fail(`Error from server (NotFound): pods "${s.name}" not found\n`);
    if (!src.status?.podIP) return fail(`error: pod ${s.ns}/${s.name} has no IP yet\n`);
    const dst = resolveDst(ctx, words[1], ns);
    if (typeof dst === 'string') return fail(`${dst}\n`);
    const r = connect(ctx, { pod: src }, dst.ip, dst.port, 'TCP', { method: 'GET', path: '/' });
    const lines = [
      `trace ${s.ns}/${s.name} (${src.status.podIP}) -> ${dst.label} (${dst.ip}:${dst.port})  cni=${ctx.cni.plugin.name} kube-proxy=${ctx.mode}`,
    ];
    r.hops.forEach((h, i) => {
      lines.push(`${String(i + 1).padStart(3)}. ${h.node.padEnd(14)} ${h.at}`);
      lines.push(`      ${h.detail}`);
    });
    if (r.route.kind !== 'direct') for (const rule of r.route.rules) lines.push(`      | ${rule}`);
    const o = r.outcome;
    if (o.kind === 'ok')
      lines.push(
        `result: delivered to ${o.pod.metadata?.namespace ?? ''}/${o.pod.metadata?.name ?? ''} (${r.dst?.ip ?? ''}:${r.dst?.port ?? ''}), HTTP ${o.status}`,
      );
    else if (o.kind === 'refused') lines.push(`result: REFUSED: ${o.why}`);
    else lines.push(`result: DROPPED (the client times out): ${o.why}`);
    return { code: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
  },
};
