// `kubectl expose deployment web --port 80 [--target-port 8080] [--type NodePort] [--name svc] [--protocol TCP]`:
// create a Service selecting the object's pods. mirrors k8s.io/kubectl/pkg/cmd/expose/expose.go and
// polymorphichelpers MapBasedSelectorForObject / ProtocolsForObject / PortsForObject.
import type { CommandResult, CommandSpec } from '../types';
import type { KubeObject } from '../../types/object';
import { resolveTargets } from './writeTargets';
import {
  dryRunFlag,
  dryRunOf,
  filenameFlag,
  namespaceFlag,
  outputFlag,
  outputOf,
  requestCtx,
  resultLine,
} from './writeSupport';
import { podSpecOf } from './setImage';

/** MapBasedSelectorForObject: the labels a Service can select the object's pods by */
export function selectorFor(obj: KubeObject): Record<string, string> {
  const kind = obj.kind;
  const spec = (obj.spec ?? {}) as Record<string, unknown>;
  if (kind === 'Pod') {
    const labels = obj.metadata.labels ?? {};
    if (Object.keys(labels).length === 0) throw new Error(`the pod has no labels and cannot be exposed`);
    return { ...labels };
  }
  if (kind === 'Service') {
    const sel = spec.selector as Record<string, string> | undefined;
    if (!sel || Object.keys(sel).length === 0) throw new Error(`the service has no pod selector set`);
    return { ...sel };
  }
  if (kind === 'ReplicationController')
    return { ...((spec.selector as Record<string, string> | undefined) ?? {}) };
  if (kind === 'Deployment' || kind === 'ReplicaSet') {
    const sel = spec.selector as
      { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined;
    if (sel?.matchExpressions && sel.matchExpressions.length > 0) {
      throw new Error(
        `couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`,
      );
    }
    return { ...(sel?.matchLabels ?? {}) };
  }
  throw new Error(`cannot expose a ${kind}`);
}

interface PortLike {
  containerPort?: number;
  port?: number;
  protocol?: string;
  name?: string;
}

/** PortsForObject: container ports (or a Service's ports) when --port is not given */
export function portsFor(obj: KubeObject): PortLike[] {
  if (obj.kind === 'Service')
    return ((obj.spec as { ports?: PortLike[] } | undefined)?.ports ?? []).map((p) => ({
      ...p,
      containerPort: p.port,
    }));
  const ps = podSpecOf(obj) as { containers?: { ports?: PortLike[] }[] } | undefined;
  return (ps?.containers ?? []).flatMap((c) => c.ports ?? []);
}

const intOrString = (v: string): number | string => (/^\d+$/.test(v) ? Number(v) : v);

export function buildExposedService(
  obj: KubeObject,
  opts: {
    name?: string;
    port?: string;
    targetPort?: string;
    protocol?: string;
    type?: string;
    selector?: string;
  },
): KubeObject {
  const selector = opts.selector
    ? Object.fromEntries(opts.selector.split(',').map((kv) => kv.split('=') as [string, string]))
    : selectorFor(obj);
  let ports: Record<string, unknown>[];
  if (opts.port) {
    ports = opts.port.split(',').map((p) => ({ port: Number(p), protocol: opts.protocol ?? 'TCP' }));
  } else {
    const found = portsFor(obj);
    if (found.length === 0) throw new Error(`couldn't find port via --port flag or introspection`);
    ports = found.map((p) => ({ port: p.containerPort, protocol: opts.protocol ?? p.protocol ?? 'TCP' }));
  }
  ports.forEach((p, i) => {
    if (ports.length > 1) p.name = `port-${i + 1}`;
    p.targetPort = opts.targetPort ? intOrString(opts.targetPort) : p.port;
  });
  const spec: Record<string, unknown> = { ports, selector };
  if (opts.type) spec.type = opts.type;
  const labels = obj.metadata.labels;
  const metadata: KubeObject['metadata'] = { name: opts.name ?? obj.metadata.name ?? '' };
  if (labels && Object.keys(labels).length > 0) metadata.labels = { ...labels };
  return { apiVersion: 'v1', kind: 'Service', metadata, spec, status: { loadBalancer: {} } };
}

const EXPOSABLE = new Set(['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet']);

export const exposeCommand: CommandSpec = {
  path: ['expose'],
  summary:
    'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  flags: [
    filenameFlag,
    namespaceFlag,
    outputFlag,
    dryRunFlag,
    { name: 'port', type: 'string' },
    { name: 'target-port', type: 'string' },
    { name: 'protocol', type: 'string' },
    { name: 'type', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'selector', type: 'string' },
  ],
  run(args, ctx): CommandResult {
    const targets = resolveTargets(ctx.rt, args, { stdin: ctx.stdin, verb: 'expose' });
    const dry = dryRunOf(args);
    const output = outputOf(args);
    const svcInfo = ctx.rt.api.resolve('services');
    let out = '';
    for (const t of targets) {
      if (!EXPOSABLE.has(t.info.kind)) throw new Error(`cannot expose a ${t.info.kind}`);
      const obj = t.obj?.metadata.resourceVersion
        ? t.obj
        : ctx.rt.api.get(t.info.plural + (t.info.group ? `.${t.info.group}` : ''), t.namespace, t.name);
      const svc = buildExposedService(obj, {
        name: args.string('name'),
        port: args.string('port'),
        targetPort: args.string('target-port'),
        protocol: args.string('protocol'),
        type: args.string('type'),
        selector: args.string('selector'),
      });
      const created =
        dry === 'client' ? svc : ctx.rt.api.create('services', t.namespace, svc, requestCtx('expose', dry));
      out += resultLine(svcInfo, created, 'exposed', output, dry);
    }
    return { code: 0, stdout: out, stderr: '' };
  },
};
