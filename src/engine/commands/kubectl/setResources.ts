// `kubectl set resources deployment/web [-c nginx] --limits=cpu=200m,memory=512Mi --requests=cpu=100m`: change the
// resource requests and limits of containers in a pod template (mirrors k8s.io/kubectl/pkg/cmd/set/set_resources.go;
// its --limits help says "requests", as kubectl's does).
import type { CommandResult, CommandSpec } from '../types';
import type { ClusterRuntime } from '../../cluster/types';
import type { ParsedArgs } from '../args';
import { canonicalQuantity } from '../../quantity';
import { podSpecOf } from './setImage';
import { selectedContainers } from './setContainers';
import { resolveTargets, type Target } from './writeTargets';
import { SET_FLAGS, checkLocal, eachTarget, startingObject, writeChanged } from './setSupport';

type ResourceList = Record<string, string>;
interface ContainerResources {
  name?: string;
  resources?: { limits?: ResourceList; requests?: ResourceList };
}

/** parseResourceList: `cpu=100m,memory=256Mi`, each quantity parsed (and so stored in canonical form) */
export function parseResourceList(spec: string): ResourceList | undefined {
  if (spec === '') return undefined;
  const out: ResourceList = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2)
      throw new Error(`invalid argument syntax ${statement}, expected <resource>=<value>`);
    out[parts[0] as string] = canonicalQuantity(parts[1] as string);
  }
  return out;
}

/** a resource list as the server returns it: Go encodes a map with its keys sorted */
function merged(current: ResourceList | undefined, changes: ResourceList): ResourceList {
  const all: ResourceList = { ...current, ...changes };
  const out: ResourceList = {};
  for (const k of Object.keys(all).sort()) out[k] = all[k] as string;
  return out;
}

interface Requirements {
  limits: ResourceList | undefined;
  requests: ResourceList | undefined;
}

function setResourcesOne(
  rt: ClusterRuntime,
  t: Target,
  want: Requirements,
  containerSelector: string,
  args: ParsedArgs,
): string {
  const copy = startingObject(rt, t, args);
  const spec = podSpecOf(copy) as
    { containers?: ContainerResources[]; initContainers?: ContainerResources[] } | undefined;
  if (!spec) throw new Error(`${t.info.kind.toLowerCase()}/${t.name} does not have a pod template`);
  const containers = selectedContainers(spec, containerSelector);
  if (containers.length === 0) throw new Error(`unable to find container named ${containerSelector}`);
  const before = JSON.stringify(spec);
  for (const c of containers) {
    const r = (c.resources ??= {});
    if (want.limits) r.limits = merged(r.limits, want.limits);
    if (want.requests) r.requests = merged(r.requests, want.requests);
  }
  // an unchanged template makes an empty patch: no request and no line
  if (JSON.stringify(spec) === before) return '';
  return writeChanged(rt, t, copy, 'resource requirements updated', args);
}

export const setResourcesCommand: CommandSpec = {
  path: ['set', 'resources'],
  summary: 'Update resource requests/limits on objects with pod templates',
  flags: [
    ...SET_FLAGS,
    {
      name: 'containers',
      short: 'c',
      type: 'string',
      default: '*',
      help: 'The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards',
    },
    {
      name: 'limits',
      type: 'string',
      default: '',
      help: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.",
    },
    {
      name: 'requests',
      type: 'string',
      default: '',
      help: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.",
    },
  ],
  run(args, ctx): CommandResult {
    const limits = args.string('limits') ?? '';
    const requests = args.string('requests') ?? '';
    // Validate
    if (args.bool('all') && args.string('selector'))
      throw new Error('cannot set --all and --selector at the same time');
    if (limits === '' && requests === '')
      throw new Error(
        'you must specify an update to requests or limits (in the form of --requests/--limits)',
      );
    checkLocal(args, args.positionals);
    const want: Requirements = { limits: parseResourceList(limits), requests: parseResourceList(requests) };
    const containerSelector = args.string('containers') ?? '*';
    const targets = resolveTargets(ctx.rt, args, {
      stdin: ctx.stdin,
      verb: 'set resources',
      words: args.positionals,
    });
    return eachTarget(targets, (t) => setResourcesOne(ctx.rt, t, want, containerSelector, args));
  },
};
