// A pod's QoS class, mirroring pkg/apis/core/helper/qos/qos.go ComputePodQOS (cpu and memory only).
import type { KubeObject } from '../types/object';
import type { Quantity } from '../quantity/quantity';
import { tryCachedQuantity } from '../quantity/cache';

export type PodQosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

interface ResourceMaps {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}
interface ContainerLike {
  resources?: ResourceMaps;
}

const QOS_RESOURCES = new Set(['cpu', 'memory']);

/** sums positive cpu/memory quantities of one map into acc; returns which names were found */
function addPositive(acc: Map<string, Quantity>, list: Record<string, string> | undefined): Set<string> {
  const found = new Set<string>();
  for (const [name, raw] of Object.entries(list ?? {})) {
    if (!QOS_RESOURCES.has(name)) continue;
    const v = tryCachedQuantity(raw);
    if (v === undefined || v.sign() <= 0) continue;
    found.add(name);
    const sum = acc.get(name);
    acc.set(name, sum ? sum.add(v) : v);
  }
  return found;
}

/** mirrors ComputePodQOS: BestEffort without any request/limit; Guaranteed when every container limits cpu+memory and requests equal limits */
export function computePodQos(pod: Readonly<KubeObject>): PodQosClass {
  const spec = (pod.spec ?? {}) as { containers?: ContainerLike[]; initContainers?: ContainerLike[] };
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    addPositive(requests, c.resources?.requests);
    const limitsFound = addPositive(limits, c.resources?.limits);
    if (!limitsFound.has('cpu') || !limitsFound.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const limit = limits.get(name);
      if (!limit || limit.cmp(req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
