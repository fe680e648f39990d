// The few files and programs a pod's container has that the network model can answer: /etc/resolv.conf,
// /etc/hosts (kubelet-managed), /etc/hostname, `hostname`, and files mounted from volumes.
import type { Pod } from 'kubernetes-types/core/v1';
import type { NetContext } from '../context';
import { renderResolvConf } from '../dns/resolvConf';
import { resolvConfOf } from './podDns';
import type { ToolResult } from './curl';

export function podHostname(pod: Pod): string {
  return pod.spec?.hostname ?? pod.metadata?.name ?? '';
}

/** mirrors pkg/kubelet/kubelet_pods.go managedHostsFileContent */
function hostsFile(pod: Pod): string {
  const head =
    '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';
  const ip = pod.status?.podIP;
  if (!ip) return head;
  const fqdn = pod.spec?.subdomain
    ? `${podHostname(pod)}.${pod.spec.subdomain}.${pod.metadata?.namespace ?? ''}.svc.cluster.local\t`
    : '';
  return `${head}${ip}\t${fqdn}${podHostname(pod)}\n`;
}

/** readMounted: a file a volume mount provides (volumeFiles.readMountedFile), checked before the node's own files */
export function runCat(
  ctx: NetContext,
  pod: Pod,
  argv: readonly string[],
  readMounted?: (path: string) => string | undefined,
): ToolResult {
  let stdout = '';
  let stderr = '';
  for (const f of argv) {
    const mounted = readMounted?.(f);
    if (mounted !== undefined) stdout += mounted;
    else if (f === '/etc/resolv.conf') stdout += renderResolvConf(resolvConfOf(ctx, pod));
    else if (f === '/etc/hosts') stdout += hostsFile(pod);
    else if (f === '/etc/hostname') stdout += `${podHostname(pod)}\n`;
    else stderr += `cat: ${f}: No such file or directory\n`;
  }
  return { code: stderr ? 1 : 0, stdout, stderr };
}
