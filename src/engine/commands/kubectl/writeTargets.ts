// Which objects a writing verb acts on: `TYPE NAME...`, `TYPE/NAME...`, `TYPE -l sel`, `TYPE --all`, or `-f -`.
// mirrors k8s.io/cli-runtime/pkg/resource/builder.go (ResourceTypeOrNameArgs, SelectorParam, SelectAllParam).
import { apiVersionOf, type ResourceInfo } from '../../apiserver/types';
import type { ClusterRuntime } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import type { ParsedArgs } from '../args';
import { commandNamespace } from '../resourceName';
import { isUnknownResource } from '../../apiserver/registry';
import { LineError, mutableCopy, readManifests } from './writeSupport';

export interface Target {
  info: ResourceInfo;
  /** undefined for cluster-scoped resources */
  namespace: string | undefined;
  name: string;
  /** the object when it was already read (by a selector or from a manifest) */
  obj?: KubeObject;
}

export const NO_RESOURCES_MESSAGE =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

const SLASH_AND_TYPE =
  "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";

export interface TargetOptions {
  stdin: string | undefined;
  verb: string;
  /** positionals to skip at the end (e.g. label's k=v words), already removed by the caller */
  words?: readonly string[];
}

function nsFor(info: ResourceInfo, ns: string): string | undefined {
  return info.namespaced ? ns : undefined;
}

function fromManifests(rt: ClusterRuntime, args: ParsedArgs, opts: TargetOptions, ns: string): Target[] {
  const { objects } = readManifests(args, opts.stdin, opts.verb);
  return objects.map((obj) => {
    const info = rt.api.resolveKind(obj.apiVersion, obj.kind);
    return { info, namespace: nsFor(info, obj.metadata.namespace ?? ns), name: obj.metadata.name ?? '', obj };
  });
}

/** resolve the objects named on the command line; throws Error/StatusError as kubectl would fail */
export function resolveTargets(rt: ClusterRuntime, args: ParsedArgs, opts: TargetOptions): Target[] {
  const ns = commandNamespace(args.string('namespace'));
  const words = opts.words ?? args.positionals;
  const selector = args.string('selector');
  const all = args.has('all') && args.bool('all');
  if (args.strings('filename').length > 0) {
    if (words.length > 0) throw new Error(`Unexpected args: [${words.join(' ')}]`);
    return fromManifests(rt, args, opts, ns);
  }
  if (words.length === 0) throw new Error(NO_RESOURCES_MESSAGE);
  if (words.some((w) => w.includes('/'))) {
    if (!words.every((w) => w.includes('/'))) throw new Error(SLASH_AND_TYPE);
    if (selector) throw new Error('name cannot be provided when a selector is specified');
    return words.map((w) => {
      const i = w.indexOf('/');
      const info = rt.api.resolve(w.slice(0, i));
      return { info, namespace: nsFor(info, ns), name: w.slice(i + 1) };
    });
  }
  const [typeWord, ...names] = words as [string, ...string[]];
  const infos = typeWord.split(',').map((t) => rt.api.resolve(t));
  if (names.length > 0) {
    if (selector) throw new Error('name cannot be provided when a selector is specified');
    if (all) throw new Error(`setting 'all' parameter but found a non empty selector. `);
    return infos.flatMap((info) => names.map((name) => ({ info, namespace: nsFor(info, ns), name })));
  }
  if (!selector && !all) throw new Error('resource(s) were provided, but no name was specified');
  const out: Target[] = [];
  for (const info of infos) {
    const list = rt.api.list(resourceArg(info), nsFor(info, ns), selector ? { labelSelector: selector } : {});
    for (const obj of list.items) {
      out.push({ info, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '', obj });
    }
  }
  return out;
}

/** the live object of a target (reads it when not read yet) */
export function liveObject(rt: ClusterRuntime, t: Target): KubeObject {
  return rt.api.get(resourceArg(t.info), t.namespace, t.name);
}

/** the resource string to pass to the API verbs for a resolved resource */
export function resourceArg(info: ResourceInfo): string {
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

/** the resource and namespace of a manifest object (apply/create/replace); LineError in kubectl's words */
export function resolveManifestTarget(
  rt: ClusterRuntime,
  obj: KubeObject,
  source: string,
  flagNamespace: string | undefined,
  /** where an object without a namespace goes: -n, else the current context's namespace */
  defaultNamespace = 'default',
): { info: ResourceInfo; ns: string | undefined; target: KubeObject } {
  let info: ResourceInfo;
  try {
    info = rt.api.resolveKind(obj.apiVersion, obj.kind);
  } catch (e) {
    if (!isUnknownResource(e)) throw e;
    throw new LineError(
      `error: resource mapping not found for name: "${obj.metadata.name ?? ''}" namespace: "${obj.metadata.namespace ?? ''}" from "${source}": ${e.status.message}\nensure CRDs are installed first`,
    );
  }
  if (!info.namespaced) return { info, ns: undefined, target: targetFor(obj, info, undefined) };
  const own = obj.metadata.namespace;
  // mirrors cli-runtime resource.RequireNamespace: an explicit -n must agree with the object's namespace
  if (flagNamespace && own && own !== flagNamespace) {
    throw new LineError(
      `error: the namespace from the provided object "${own}" does not match the namespace "${flagNamespace}". You must pass '--namespace=${own}' to perform this operation.`,
    );
  }
  const ns = own || flagNamespace || defaultNamespace;
  return { info, ns, target: targetFor(obj, info, ns) };
}

/** the object to send: a mutable copy with the served apiVersion and the resolved namespace (none when cluster-scoped) */
function targetFor(obj: KubeObject, info: ResourceInfo, ns: string | undefined): KubeObject {
  const target = mutableCopy(obj);
  target.apiVersion = apiVersionOf(info);
  if (ns !== undefined) target.metadata.namespace = ns;
  else delete target.metadata.namespace;
  return target;
}
