// The `kubectl create <generator>` verbs: deployment, namespace, configmap, service clusterip|nodeport|loadbalancer.
// mirrors k8s.io/kubectl/pkg/cmd/create/create_deployment.go, create_namespace.go, create_configmap.go, create_service.go.
import type { CommandContext, CommandResult, CommandSpec } from '../types';
import type { ClusterRuntime } from '../../cluster/types';
import type { ResourceInfo } from '../../apiserver/types';
import type { KubeObject } from '../../types/object';
import type { FlagSpec, ParsedArgs } from '../args';
import { commandNamespace } from '../resourceName';
import {
  dryRunFlag,
  dryRunOf,
  fieldManagerFlag,
  namespaceFlag,
  outputFlag,
  outputOf,
  requestCtx,
  resultLine,
} from './writeSupport';
import { StatusError } from '../../apiserver/types';

/** the resource and the namespace a generator writes into */
export function resolveTargetsNamespace(
  rt: ClusterRuntime,
  resource: string,
  args: ParsedArgs,
): { info: ResourceInfo; ns: string | undefined } {
  const info = rt.api.resolve(resource);
  return { info, ns: info.namespaced ? commandNamespace(args.string('namespace')) : undefined };
}

/** `creationTimestamp: null` and `status: {}` as a client dry-run prints a generated object */
export function withDryRunShape(obj: KubeObject): KubeObject {
  const copy = structuredClone(obj) as KubeObject;
  (copy.metadata as Record<string, unknown>).creationTimestamp = null;
  const tpl = (copy.spec as { template?: { metadata?: Record<string, unknown> } } | undefined)?.template;
  if (tpl?.metadata) tpl.metadata.creationTimestamp = null;
  return copy;
}

/** create a generated object (or print it for --dry-run=client); kubectl's lines and errors */
export function createGenerated(
  ctx: CommandContext,
  args: ParsedArgs,
  resource: string,
  obj: KubeObject,
  failPrefix?: string,
): CommandResult {
  const dry = dryRunOf(args);
  const output = outputOf(args);
  const { info, ns } = resolveTargetsNamespace(ctx.rt, resource, args);
  if (dry === 'client')
    return { code: 0, stdout: resultLine(info, withDryRunShape(obj), 'created', output, dry), stderr: '' };
  try {
    const created = ctx.rt.api.create(
      resource,
      ns,
      obj,
      requestCtx('create', dry, args.string('field-manager')),
    );
    return { code: 0, stdout: resultLine(info, created, 'created', output, dry), stderr: '' };
  } catch (e) {
    // create_deployment.go / create_configmap.go wrap the server's error: `failed to create deployment: ...`
    if (e instanceof StatusError && failPrefix)
      return { code: 1, stdout: '', stderr: `error: ${failPrefix}: ${e.status.message}\n` };
    throw e;
  }
}

export const common: FlagSpec[] = [
  namespaceFlag,
  outputFlag,
  dryRunFlag,
  fieldManagerFlag,
  { name: 'save-config', type: 'bool' },
];

export function nameArg(args: ParsedArgs): string {
  const name = args.positionals[0];
  if (!name) throw new Error(`exactly one NAME is required, got 0`);
  if (args.positionals.length > 1)
    throw new Error(`exactly one NAME is required, got ${args.positionals.length}`);
  return name;
}

/** create_deployment.go buildPodSpec: container name from the image's last path element without tag/digest */
export function containerNameFor(image: string, rt: ClusterRuntime): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0] ?? name;
  name = name.split('@')[0] ?? name;
  // sanitizeAndUniquify: `_` and `.` are not allowed, so kubectl replaces them and adds a random suffix
  if (/[_.]/.test(name)) {
    const rng = rt.sim.rng.fork(`kubectl-create-deployment/${name}`);
    name = `${name.replace(/[_.]/g, '-')}-${rng.string(5, 'bcdfghjklmnpqrstvwxz2456789')}`;
  }
  return name;
}

const deploymentCmd = (alias: string): CommandSpec => ({
  path: ['create', alias],
  summary: 'Create a deployment with the specified name',
  flags: [
    ...common,
    { name: 'image', type: 'stringArray' },
    { name: 'replicas', short: 'r', type: 'int', default: 1 },
    { name: 'port', type: 'int', default: -1 },
  ],
  run(args, ctx) {
    const name = nameArg(args);
    const images = args.strings('image');
    if (images.length === 0) throw new Error('required flag(s) "image" not set');
    const words = args.afterDash;
    if (images.length > 1 && words.length > 0)
      throw new Error('cannot specify multiple --image options and command');
    const containers = images.map((image) => {
      const c: Record<string, unknown> = { name: containerNameFor(image, ctx.rt), image };
      if (words.length > 0) c.command = words;
      c.resources = {};
      return c;
    });
    const port = args.int('port') ?? -1;
    if (port >= 0 && containers[0]) containers[0].ports = [{ containerPort: port }];
    const labels = { app: name };
    const obj: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, labels },
      spec: {
        replicas: args.int('replicas') ?? 1,
        selector: { matchLabels: { ...labels } },
        strategy: {},
        template: { metadata: { labels: { ...labels } }, spec: { containers } },
      },
      status: {},
    };
    return createGenerated(ctx, args, 'deployments.apps', obj, 'failed to create deployment');
  },
});

const namespaceCmd = (alias: string): CommandSpec => ({
  path: ['create', alias],
  summary: 'Create a namespace with the specified name',
  flags: common,
  run(args, ctx) {
    const name = nameArg(args);
    const obj: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: {}, status: {} };
    return createGenerated(ctx, args, 'namespaces', obj);
  },
});

const configMapCmd = (alias: string): CommandSpec => ({
  path: ['create', alias],
  summary: 'Create a config map from literal values',
  flags: [
    ...common,
    { name: 'from-literal', type: 'stringArray' },
    { name: 'from-file', type: 'stringArray' },
    { name: 'from-env-file', type: 'stringArray' },
  ],
  run(args, ctx) {
    const name = nameArg(args);
    const files = [...args.strings('from-file'), ...args.strings('from-env-file')];
    if (files.length > 0) throw new Error(`error reading ${files[0]}: no such file or directory`);
    const data: Record<string, string> = {};
    for (const lit of args.strings('from-literal')) {
      const i = lit.indexOf('=');
      if (i <= 0) throw new Error(`invalid literal source ${lit}, expected key=value`);
      const key = lit.slice(0, i);
      if (Object.prototype.hasOwnProperty.call(data, key)) {
        throw new Error(
          `cannot add key ${key}, another key by that name already exists in Data for ConfigMap "${name}"`,
        );
      }
      Object.defineProperty(data, key, {
        value: lit.slice(i + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    const obj: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } };
    if (Object.keys(data).length > 0) obj.data = data;
    return createGenerated(ctx, args, 'configmaps', obj, 'failed to create configmap');
  },
});

/** create_service.go parsePorts: `--tcp=80:8080` or `--tcp=80` */
export function parseTcp(
  specs: readonly string[],
): { name: string; port: number; protocol: string; targetPort: number }[] {
  return specs.map((spec) => {
    const [p, t] = spec.split(':');
    const port = Number(p);
    const target = t === undefined ? port : Number(t);
    if (!/^\d+$/.test(p ?? '') || (t !== undefined && !/^\d+$/.test(t)))
      throw new Error(`invalid port: ${spec}`);
    return {
      name: t === undefined ? `${port}` : `${port}-${target}`,
      port,
      protocol: 'TCP',
      targetPort: target,
    };
  });
}

const SERVICE_TYPES: Record<string, string> = {
  clusterip: 'ClusterIP',
  nodeport: 'NodePort',
  loadbalancer: 'LoadBalancer',
};

const serviceCmd = (alias: string, sub: string): CommandSpec => ({
  path: ['create', alias, sub],
  summary: `Create a ${SERVICE_TYPES[sub]} service`,
  flags: [
    ...common,
    { name: 'tcp', type: 'stringArray' },
    { name: 'clusterip', type: 'string' },
    { name: 'node-port', type: 'int', default: 0 },
  ],
  run(args, ctx) {
    const name = nameArg(args);
    const clusterIP = args.string('clusterip');
    const tcp = args.strings('tcp');
    if (tcp.length === 0 && clusterIP !== 'None')
      throw new Error('at least one tcp port specifier must be provided');
    const ports: Record<string, unknown>[] = parseTcp(tcp);
    const nodePort = args.int('node-port') ?? 0;
    if (nodePort > 0 && ports[0]) ports[0].nodePort = nodePort;
    const labels = { app: name };
    const spec: Record<string, unknown> = { ports, selector: { ...labels }, type: SERVICE_TYPES[sub] };
    if (clusterIP) spec.clusterIP = clusterIP;
    const obj: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, labels },
      spec,
      status: { loadBalancer: {} },
    };
    return createGenerated(ctx, args, 'services', obj, `failed to create ${SERVICE_TYPES[sub]} service`);
  },
});

export const createGeneratorCommands: CommandSpec[] = [
  deploymentCmd('deployment'),
  deploymentCmd('deploy'),
  namespaceCmd('namespace'),
  namespaceCmd('ns'),
  configMapCmd('configmap'),
  configMapCmd('cm'),
  ...['service', 'svc'].flatMap((alias) => Object.keys(SERVICE_TYPES).map((sub) => serviceCmd(alias, sub))),
];
