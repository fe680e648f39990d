// Deprecation warnings the API server attaches (Warning response header) to every request for a deprecated resource.
import type { ResourceInfo } from './types';
import { apiVersionOf } from './types';

interface Lifecycle {
  deprecated: readonly [major: number, minor: number];
  /** apiVersion + kind of the replacement */
  replacement?: string;
}

/**
 * k8s.io/api zz_generated.prerelease-lifecycle.go: APILifecycleDeprecated / APILifecycleReplacement of the served
 * kinds (core/v1 Endpoints: 1.33, replaced by discovery.k8s.io/v1 EndpointSlice, KEP-4974), keyed `apiVersion/Kind`.
 */
const LIFECYCLES: Readonly<Record<string, Lifecycle>> = {
  'v1/Endpoints': { deprecated: [1, 33], replacement: 'discovery.k8s.io/v1 EndpointSlice' },
};

/**
 * apiserver/pkg/endpoints/deprecation/deprecation.go WarningMessage: `v1 Endpoints is deprecated in v1.33+; use
 * discovery.k8s.io/v1 EndpointSlice`; undefined for a resource that is not deprecated.
 */
export function deprecationWarning(
  info: Pick<ResourceInfo, 'group' | 'version' | 'kind'>,
): string | undefined {
  const gv = apiVersionOf(info);
  const l = LIFECYCLES[`${gv}/${info.kind}`];
  if (!l) return undefined;
  let msg = `${gv} ${info.kind} is deprecated in v${l.deprecated[0]}.${l.deprecated[1]}+`;
  if (l.replacement) msg += `; use ${l.replacement}`;
  return msg;
}
