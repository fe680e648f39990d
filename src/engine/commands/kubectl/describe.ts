// `kubectl describe TYPE [NAME_PREFIX] | TYPE/NAME`: fetch objects plus what their describer needs (events, owned
// pods, ReplicaSets, EndpointSlices, node Lease). mirrors kubectl/pkg/cmd/describe/describe.go Run and
// DescribeMatchingResources (a name that is not found describes every object with that prefix).
import type { Event, Pod } from 'kubernetes-types/core/v1';
import type { CommandContext, CommandResult, CommandSpec } from '../types';
import type { ParsedArgs } from '../args';
import type { ApiServer } from '../../apiserver/types';
import { StatusError } from '../../apiserver/types';
import type { KubeObject } from '../../types/object';
import { commandNamespace } from '../resourceName';
import { describerForKind, type DescribeInputs } from '../printers/describe/index';
import { labelSelectorString } from '../printers/format';
import { podsForPVC } from '../printers/describe/storage';
import { fetchResources, resolveResourceArgs, UsageError, withTypeMeta } from './resourceArgs';

const REQUIRED =
  'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
  "error: Required resource not specified.\nSee 'kubectl describe -h' for help and examples\n";

function tryList(
  api: ApiServer,
  resource: string,
  ns: string | undefined,
  opts: { labelSelector?: string; fieldSelector?: string },
): KubeObject[] {
  try {
    return api.list(resource, ns, opts).items;
  } catch (e) {
    if (e instanceof StatusError) return [];
    throw e;
  }
}

/** events about obj (describe.go searchEvents: involvedObject name/namespace/kind/uid) */
export function eventsFor(api: ApiServer, obj: KubeObject): Event[] {
  const ns = obj.metadata.namespace;
  const name = obj.metadata.name ?? '';
  let items = tryList(api, 'events', ns, { fieldSelector: `involvedObject.name=${name}` });
  if (items.length === 0) items = tryList(api, 'events', ns, {});
  return (items as unknown as Event[]).filter(
    (e) =>
      e.involvedObject?.name === name &&
      (e.involvedObject.kind === undefined || e.involvedObject.kind === obj.kind) &&
      (!e.involvedObject.uid ||
        !obj.metadata.uid ||
        e.involvedObject.uid === obj.metadata.uid ||
        // NodeDescriber searches twice and merges: controllers use the node's uid, the kubelet its name
        (obj.kind === 'Node' && e.involvedObject.uid === name)),
  );
}

const ownedBy = (o: KubeObject, owner: KubeObject) =>
  (o.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === owner.metadata.uid);

function related(api: ApiServer, obj: KubeObject): Partial<DescribeInputs> {
  const ns = obj.metadata.namespace;
  const sel = (obj.spec as { selector?: object } | undefined)?.selector;
  switch (obj.kind) {
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet': {
      const pods = tryList(api, 'pods', ns, { labelSelector: labelSelectorString(sel) || undefined });
      return { pods: pods.filter((p) => ownedBy(p, obj)) as unknown as Pod[] };
    }
    case 'Deployment': {
      const rss = tryList(api, 'replicasets.apps', ns, {
        labelSelector: labelSelectorString(sel) || undefined,
      });
      return { replicaSets: rss.filter((r) => ownedBy(r, obj)) };
    }
    case 'Service': {
      const slices = tryList(api, 'endpointslices.discovery.k8s.io', ns, {
        labelSelector: `kubernetes.io/service-name=${obj.metadata.name ?? ''}`,
      });
      return { endpointSlices: slices };
    }
    case 'PersistentVolumeClaim':
      // PersistentVolumeClaimDescriber: getPodsForPVC over the namespace's pods
      return { pods: podsForPVC(obj, tryList(api, 'pods', ns, {}) as unknown as Pod[]) };
    case 'Node': {
      const pods = tryList(api, 'pods', undefined, {
        fieldSelector: `spec.nodeName=${obj.metadata.name ?? ''}`,
      }) as unknown as Pod[];
      const live = pods.filter(
        (p) =>
          p.spec?.nodeName === obj.metadata.name &&
          p.status?.phase !== 'Succeeded' &&
          p.status?.phase !== 'Failed',
      );
      let lease: KubeObject | string | undefined;
      try {
        lease = api.get('leases.coordination.k8s.io', 'kube-node-lease', obj.metadata.name ?? '');
      } catch (e) {
        lease = e instanceof StatusError ? e.status.message : undefined;
      }
      return { pods: live, lease };
    }
    default:
      return {};
  }
}

export function describeObject(api: ApiServer, obj: KubeObject, nowMs: number, showEvents: boolean): string {
  const inputs: DescribeInputs = {
    nowMs,
    events: showEvents ? eventsFor(api, obj) : undefined,
    ...related(api, obj),
  };
  return describerForKind(obj.kind)(obj, inputs);
}

function runDescribe(args: ParsedArgs, ctx: CommandContext): CommandResult {
  if (args.positionals.length === 0) return { code: 1, stdout: '', stderr: REQUIRED };
  const api = ctx.rt.api;
  const allNamespaces = args.bool('all-namespaces');
  const namespace = commandNamespace(args.string('namespace'));
  const nowMs = ctx.rt.sim.clock.nowMs();
  let requests;
  try {
    requests = resolveResourceArgs(api, args.positionals);
  } catch (e) {
    if (e instanceof UsageError) return { code: 1, stdout: '', stderr: `error: ${e.message}\n` };
    throw e;
  }
  const { fetched, errors } = fetchResources(api, requests, {
    namespace: allNamespaces ? undefined : namespace,
    labelSelector: args.string('selector'),
  });
  const objs = fetched.flatMap((f) => f.objects);
  // DescribeOptions.Run passes the same DescriberSettings (ShowEvents defaults to true) to every object's describer
  const showEvents = args.has('show-events') ? args.bool('show-events') : true;
  // a single `TYPE NAME` that is not found describes every object whose name starts with NAME
  if (errors.length > 0 && args.positionals.length === 2 && !args.positionals.some((p) => p.includes('/'))) {
    const info = requests[0]?.info;
    const prefix = args.positionals[1] as string;
    if (info) {
      const ns = info.namespaced ? namespace : undefined;
      const matches = api
        .list(info.group ? `${info.plural}.${info.group}` : info.plural, ns)
        .items.map((o) => withTypeMeta(o, info))
        .filter((o) => (o.metadata.name ?? '').startsWith(prefix));
      if (matches.length > 0) {
        const show = args.has('show-events') ? args.bool('show-events') : true;
        return {
          code: 0,
          stdout: matches.map((o) => `${describeObject(api, o, nowMs, show)}\n`).join(''),
          stderr: '',
        };
      }
    }
  }
  const stdout = objs.map((o) => describeObject(api, o, nowMs, showEvents)).join('\n\n');
  let stderr = errors.map((e) => `${e}\n`).join('');
  if (objs.length === 0 && errors.length === 0) {
    stderr += allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`;
  }
  return { code: errors.length > 0 ? 1 : 0, stdout, stderr };
}

export const describeCommand: CommandSpec = {
  path: ['describe'],
  summary: 'Show details of a specific resource or group of resources',
  flags: [
    { name: 'namespace', short: 'n', type: 'string' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'show-events', type: 'bool', default: true },
  ],
  run: runDescribe,
};
