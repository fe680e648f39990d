// Shared by kubectl's node verbs (cordon, uncordon, drain, taint): pick the nodes, write them back, usage errors.
import type { ClusterRuntime } from '../../cluster/types';
import type { CommandResult } from '../types';
import type { FlagSpec } from '../args';
import type { KubeObject } from '../../types/object';
import type { RequestContext } from '../../apiserver/types';

export const namespaceFlag: FlagSpec = {
  name: 'namespace',
  short: 'n',
  type: 'string',
  help: 'namespace (unused by node verbs)',
};
export const selectorFlag: FlagSpec = {
  name: 'selector',
  short: 'l',
  type: 'string',
  help: 'label selector for nodes',
};

/** cmdutil.UsageErrorf: the message plus kubectl's pointer to help */
export function usageError(verb: string, message: string): CommandResult {
  return {
    code: 1,
    stdout: '',
    stderr: `error: ${message}\nSee 'kubectl ${verb} -h' for help and examples\n`,
  };
}

/** the named nodes (NotFound propagates as the API server's error), or those matching the label selector */
export function selectNodes(
  rt: ClusterRuntime,
  names: readonly string[],
  selector: string | undefined,
): KubeObject[] {
  if (selector) return rt.api.list('nodes', undefined, { labelSelector: selector }).items;
  return names.map((n) => rt.api.get('nodes', undefined, n));
}

/** write a changed copy of a node (the snapshot from the API server is frozen) */
export function updateNode(
  rt: ClusterRuntime,
  node: Readonly<KubeObject>,
  mutate: (copy: KubeObject) => void,
  ctx: RequestContext,
): KubeObject {
  const copy = structuredClone(node) as KubeObject;
  mutate(copy);
  return rt.api.update('nodes', undefined, copy, ctx);
}

export function kubectlCtx(verb: string): RequestContext {
  return { actor: 'kubectl', cause: `kubectl ${verb}`, fieldManager: `kubectl-${verb}` };
}
