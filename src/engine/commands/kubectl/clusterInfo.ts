// `kubectl cluster-info`: the control plane URL and every kube-system Service labelled as a cluster service.
// mirrors kubectl/pkg/cmd/clusterinfo/clusterinfo.go (RunClusterInfo; link <host>/api/v1/namespaces/kube-system/
// services/[https:]<name>:<port-name>/proxy).
import type { Service } from 'kubernetes-types/core/v1';
import type { CommandResult, CommandSpec } from '../types';
import { StatusError } from '../../apiserver/types';

const HOST = 'https://127.0.0.1:6443';

function serviceLink(svc: Service): string {
  const ingress = svc.status?.loadBalancer?.ingress?.[0];
  if (ingress) {
    const ip = ingress.ip || ingress.hostname || '';
    const port = svc.spec?.ports?.[0]?.port;
    return `http://${ip}${port ? `:${port}` : ''}`;
  }
  let name = svc.metadata?.name ?? '';
  const port = svc.spec?.ports?.[0];
  if (port) {
    const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
    // mirrors utilnet.JoinSchemeNamePort
    if (scheme) name = `${scheme}:${name}:${port.name ?? ''}`;
    else if (port.name) name = `${name}:${port.name}`;
  }
  return `${HOST}/api/v1/namespaces/${svc.metadata?.namespace ?? 'kube-system'}/services/${name}/proxy`;
}

export const clusterInfoCommand: CommandSpec = {
  path: ['cluster-info'],
  summary: 'Display cluster information',
  flags: [],
  run(_args, ctx): CommandResult {
    let services: Service[] = [];
    try {
      const all = ctx.rt.api.list('services', 'kube-system').items as unknown as Service[];
      // kubeadm/kind label kube-dns as a cluster service; a kube-dns Service without the label still counts here
      services = all.filter(
        (s) =>
          s.metadata?.labels?.['kubernetes.io/cluster-service'] === 'true' || s.metadata?.name === 'kube-dns',
      );
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
    }
    let stdout = `Kubernetes control plane is running at ${HOST}\n`;
    for (const svc of services) {
      const labelled = svc.metadata?.labels?.['kubernetes.io/name'];
      const name = labelled || (svc.metadata?.name === 'kube-dns' ? 'CoreDNS' : (svc.metadata?.name ?? ''));
      stdout += `${name} is running at ${serviceLink(svc)}\n`;
    }
    stdout += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
    return { code: 0, stdout, stderr: '' };
  },
};
