// etcd key layout, as kube-apiserver's registry builds it: /registry/<resource>/<namespace>/<name>
// (cluster-scoped: /registry/<resource>/<name>). <resource> is the plural, group-qualified when not core/apps
// would collide; kubesim uses the plural alone since the served plurals are unique.

export const REGISTRY_ROOT = '/registry/';

export function registryPrefix(plural: string, namespace?: string): string {
  return namespace ? `${REGISTRY_ROOT}${plural}/${namespace}/` : `${REGISTRY_ROOT}${plural}/`;
}

export function registryKey(plural: string, namespace: string | undefined, name: string): string {
  return `${registryPrefix(plural, namespace)}${name}`;
}

/** parse a registry key back into its parts (namespace undefined for cluster-scoped keys) */
export function parseRegistryKey(key: string): { plural: string; namespace?: string; name: string } {
  const parts = key.slice(REGISTRY_ROOT.length).split('/');
  if (parts.length >= 3)
    return { plural: parts[0] as string, namespace: parts[1], name: parts.slice(2).join('/') };
  return { plural: parts[0] as string, name: parts[1] ?? '' };
}
