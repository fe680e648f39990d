// `sim load service/web --rps 100 --for 60s [--port 80]`: send simulated client traffic to a Service for a while,
// routed request by request through each node's kube-proxy model, then report how it spread over the endpoints.
// The traffic also drives the usage model (1 rps costs 1m CPU on the pods behind the Service).
import type { Service } from 'kubernetes-types/core/v1';
import type { ClusterRuntime } from '../../cluster/types';
import type { CommandResult } from '../types';
import { fail, ok } from '../types';
import { netContext } from '../../network/context';
import { routeRequest } from '../../network/kubeproxy/route';
import { selectorFromSet } from '../../labels/selector';
import { usageModelFor } from '../../metrics/usageModel';
import { alignColumns } from '../printers/tabwriter';

/** requests actually routed one by one; beyond it the per-second sample is scaled up */
const MAX_ROUTED_PER_SECOND = 1000;

export interface ServiceLoadOptions {
  namespace: string;
  name: string;
  rps: number;
  durationMs: number;
  port?: number;
}

export function loadService(rt: ClusterRuntime, o: ServiceLoadOptions): CommandResult {
  const svc = rt.api.get('services', o.namespace, o.name) as Service;
  const ip = svc.spec?.clusterIP;
  if (!ip || ip === 'None') return fail(`error: service/${o.name} has no cluster IP to send traffic to\n`);
  const svcPort =
    o.port === undefined ? svc.spec?.ports?.[0] : svc.spec?.ports?.find((p) => p.port === o.port);
  if (!svcPort) return fail(`error: service/${o.name} has no port ${o.port ?? ''}\n`.replace(' \n', '\n'));
  if (svc.spec?.selector) {
    usageModelFor(rt).setLoad({
      namespace: o.namespace,
      target: `services/${o.name}`,
      selector: selectorFromSet(svc.spec.selector),
      rps: o.rps,
    });
  }
  const counts = new Map<string, { pod: string; node: string; n: number }>();
  let failed = 0;
  let total = 0;
  const seconds = Math.max(1, Math.round(o.durationMs / 1000));
  for (let s = 0; s < seconds; s++) {
    rt.sim.advance(1000);
    const ctx = netContext(rt);
    const nodes = ctx.view.nodes.map((n) => n.metadata?.name ?? '').filter((n) => n !== 'control-plane');
    const routed = Math.min(o.rps, MAX_ROUTED_PER_SECOND);
    const weight = routed === 0 ? 0 : o.rps / routed;
    for (let i = 0; i < routed; i++) {
      const node = nodes[i % Math.max(1, nodes.length)] ?? 'node-1';
      const r = routeRequest(ctx.view, ctx.proxy, ctx.mode, {
        dstIp: ip,
        dstPort: svcPort.port,
        protocol: svcPort.protocol ?? 'TCP',
        clientIp: `10.200.${i % 250}.${(s % 250) + 1}`,
        node,
        fromOutside: false,
        nowMs: ctx.nowMs,
      });
      total += weight;
      if (r.kind !== 'dnat') {
        failed += weight;
        continue;
      }
      const key = `${r.endpoint.ip}:${r.endpoint.port}`;
      const row = counts.get(key) ?? {
        pod: r.endpoint.podName ?? '<none>',
        node: r.endpoint.nodeName ?? '<none>',
        n: 0,
      };
      row.n += weight;
      counts.set(key, row);
    }
  }
  const rows = [...counts.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([ep, r]) => [
      ep,
      r.pod,
      r.node,
      String(Math.round(r.n)),
      `${((100 * r.n) / Math.max(1, total)).toFixed(1)}%`,
    ]);
  if (failed > 0)
    rows.push([
      '<no endpoint>',
      '-',
      '-',
      String(Math.round(failed)),
      `${((100 * failed) / total).toFixed(1)}%`,
    ]);
  const head = `sent ${Math.round(total)} requests to service/${o.name} (${ip}:${svcPort.port}) over ${seconds}s through kube-proxy (${netContext(rt).mode} mode)\n`;
  return ok(head + alignColumns([['ENDPOINT', 'POD', 'NODE', 'REQUESTS', 'SHARE'], ...rows]));
}
