// The cluster's CNI plugin model (rt.options.cni), one instance per runtime, with its IPAM and (Cilium) flow log.
// `allocatePodIP` / `releasePodIP` are the CNI ADD / DEL the kubelet calls for every non-hostNetwork pod sandbox.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { ClusterRuntime, CniName } from '../../cluster/types';
import { createAntrea } from './antrea';
import { createCalico, type CalicoEncapsulation } from './calico';
import { createCilium } from './cilium';
import { createFlannel } from './flannel';
import { FlowLog } from './flows';
import type { CniPlugin } from './types';
import { createWeave } from './weave';

export interface ClusterCni {
  plugin: CniPlugin;
  flows: FlowLog;
  allocatePodIP(node: Node, pod: Pod): string | undefined;
  releasePodIP(ip: string): void;
}

export interface CniSettings {
  calicoEncapsulation?: CalicoEncapsulation;
  weaveEncrypted?: boolean;
}

export function createPlugin(name: CniName, s: CniSettings = {}): CniPlugin {
  switch (name) {
    case 'flannel':
      return createFlannel();
    case 'calico':
      return createCalico(s.calicoEncapsulation ?? 'IPIP');
    case 'cilium':
      return createCilium();
    case 'antrea':
      return createAntrea();
    case 'weave':
      return createWeave(s.weaveEncrypted ?? false);
  }
}

export const ALL_CNI: readonly CniName[] = ['flannel', 'calico', 'cilium', 'antrea', 'weave'];

function envOf(rt: ClusterRuntime, ns: string, ds: string, name: string): string | undefined {
  try {
    const obj = rt.api.get('daemonsets', ns, ds) as unknown as DaemonSet;
    for (const c of obj.spec?.template.spec?.containers ?? []) {
      const e = c.env?.find((x) => x.name === name);
      if (e) return e.value ?? (e.valueFrom ? 'set' : undefined);
    }
  } catch {
    // not installed
  }
  return undefined;
}

/** settings read from the installed agent manifests (calico-node env CALICO_IPV4POOL_*, weave-net WEAVE_PASSWORD) */
function settingsOf(rt: ClusterRuntime): CniSettings {
  const ipip = envOf(rt, 'kube-system', 'calico-node', 'CALICO_IPV4POOL_IPIP');
  const vxlan = envOf(rt, 'kube-system', 'calico-node', 'CALICO_IPV4POOL_VXLAN');
  const calicoEncapsulation: CalicoEncapsulation =
    ipip === 'Never' && vxlan && vxlan !== 'Never' ? 'VXLAN' : ipip === 'Never' ? 'None' : 'IPIP';
  return {
    calicoEncapsulation,
    weaveEncrypted: envOf(rt, 'kube-system', 'weave-net', 'WEAVE_PASSWORD') !== undefined,
  };
}

const perRuntime = new WeakMap<ClusterRuntime, ClusterCni>();

export function cniForCluster(rt: ClusterRuntime): ClusterCni {
  let c = perRuntime.get(rt);
  if (!c) {
    const plugin = createPlugin(rt.options.cni, settingsOf(rt));
    c = {
      plugin,
      flows: new FlowLog(),
      allocatePodIP: (node, pod) => plugin.ipam.allocate(node, pod),
      releasePodIP: (ip) => plugin.ipam.release(ip),
    };
    perRuntime.set(rt, c);
  }
  return c;
}
