// A pod's QoS class, mirroring pkg/apis/core/helper/qos/qos.go ComputePodQOS (cpu and memory only).
import type { KubeObject } from '../types/object';

export type PodQosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const DECIMAL_SUFFIX: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;

/** parsed quantities: a cluster uses a handful of distinct strings ('100m', '128Mi') on every pod */
const nanosCache = new Map<string, bigint | undefined>();
const NANOS_CACHE_MAX = 4096;

/** a resource.Quantity string as an exact count of nano-units (rounded down); undefined when malformed */
export function quantityNanos(s: string): bigint | undefined {
  if (nanosCache.has(s)) return nanosCache.get(s);
  const v = parseNanos(s);
  if (nanosCache.size >= NANOS_CACHE_MAX) nanosCache.clear();
  nanosCache.set(s, v);
  return v;
}

function parseNanos(s: string): bigint | undefined {
  const m = QUANTITY.exec(s.trim());
  if (!m) return undefined;
  const [, sign, mantissa = '0', exp, suffix = ''] = m;
  const [intPart = '', fracPart = ''] = mantissa.split('.');
  let num = BigInt(`${intPart || '0'}${fracPart}`) * 10n ** 9n;
  let den = 10n ** BigInt(fracPart.length);
  const pow10 = exp !== undefined ? Number(exp) : (DECIMAL_SUFFIX[suffix] ?? 0);
  const pow2 = BINARY_SUFFIX[suffix] ?? 0;
  if (pow10 >= 0) num *= 10n ** BigInt(pow10);
  else den *= 10n ** BigInt(-pow10);
  num *= 2n ** BigInt(pow2);
  const v = num / den;
  return sign === '-' ? -v : v;
}

interface ResourceMaps {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}
interface ContainerLike {
  resources?: ResourceMaps;
}

const QOS_RESOURCES = new Set(['cpu', 'memory']);

/** sums positive cpu/memory quantities of one map into acc; returns which names were found */
function addPositive(acc: Map<string, bigint>, list: Record<string, string> | undefined): Set<string> {
  const found = new Set<string>();
  for (const [name, raw] of Object.entries(list ?? {})) {
    if (!QOS_RESOURCES.has(name)) continue;
    const v = quantityNanos(String(raw));
    if (v === undefined || v <= 0n) continue;
    found.add(name);
    acc.set(name, (acc.get(name) ?? 0n) + v);
  }
  return found;
}

/** mirrors ComputePodQOS: BestEffort without any request/limit; Guaranteed when every container limits cpu+memory and requests equal limits */
export function computePodQos(pod: Readonly<KubeObject>): PodQosClass {
  const spec = (pod.spec ?? {}) as { containers?: ContainerLike[]; initContainers?: ContainerLike[] };
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    addPositive(requests, c.resources?.requests);
    const limitsFound = addPositive(limits, c.resources?.limits);
    if (!limitsFound.has('cpu') || !limitsFound.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
