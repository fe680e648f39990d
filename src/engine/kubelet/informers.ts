// The kubelet process's informers: the pod worker loop and its eviction manager read one pods cache and one nodes
// cache (the eviction manager gets its pods from the kubelet's pod manager, not a watch of its own).
import type { ClusterRuntime } from '../cluster/types';
import { InformerFactory } from '../client/informer';

const factories = new WeakMap<ClusterRuntime, InformerFactory>();

/** the kubelet's InformerFactory for this cluster, created on first use */
export function kubeletInformers(rt: ClusterRuntime): InformerFactory {
  let f = factories.get(rt);
  if (!f) factories.set(rt, (f = new InformerFactory(rt.api)));
  return f;
}
