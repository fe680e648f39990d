// How kubectl names an object in its one-line messages: `deployment.apps/web`, `pod/web-0` (kind lower-cased, group kept).
import type { ResourceInfo } from '../apiserver/types';

export function kindSlashName(info: Pick<ResourceInfo, 'kind' | 'group'>, name: string): string {
  const kind = info.kind.toLowerCase();
  return `${info.group ? `${kind}.${info.group}` : kind}/${name}`;
}

/** the namespace a command acts in: -n/--namespace, else 'default' (kubectl's context default) */
export function commandNamespace(flag: string | undefined): string {
  return flag && flag.length > 0 ? flag : 'default';
}
