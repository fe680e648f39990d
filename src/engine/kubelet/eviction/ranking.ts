// Which pod the kubelet evicts first under memory pressure, and the message it records.
// mirrors pkg/kubelet/eviction/helpers.go rankMemoryPressure (orderedBy exceedMemoryRequests, priority, memory)
// and evictionMessage (nodeLowMessageFmt, thresholdMetMessageFmt, containerMessageFmt).
import { Quantity } from '../../quantity/index';

export interface PodMemoryStats {
  key: string;
  priority: number;
  /** Σ container memory requests (bytes) */
  requestBytes: number;
  /** Σ container working set (bytes) */
  usageBytes: number;
  containers: { name: string; usageBytes: number; request: string | undefined }[];
}

/** rankMemoryPressure: pods above their requests first, then lower priority, then larger usage above request */
export function compareMemoryPressure(a: PodMemoryStats, b: PodMemoryStats): number {
  const ea = a.usageBytes > a.requestBytes;
  const eb = b.usageBytes > b.requestBytes;
  if (ea !== eb) return ea ? -1 : 1;
  if (a.priority !== b.priority) return a.priority < b.priority ? -1 : 1;
  const da = a.usageBytes - a.requestBytes;
  const db = b.usageBytes - b.requestBytes;
  return da === db ? 0 : da > db ? -1 : 1;
}

export function rankMemoryPressure(pods: readonly PodMemoryStats[]): PodMemoryStats[] {
  return [...pods].sort(compareMemoryPressure);
}

/** resource.NewQuantity(bytes, BinarySI).String() */
export const bytesQuantity = (bytes: number): string =>
  Quantity.fromValue(Math.round(bytes), 'BinarySI').toString();

/** evictionMessage for the memory signal (trailing space included, as Kubernetes writes it) */
export function memoryEvictionMessage(
  pod: PodMemoryStats,
  threshold: string,
  availableBytes: number,
): string {
  let msg = `The node was low on resource: memory. Threshold quantity: ${threshold}, available: ${bytesQuantity(availableBytes)}. `;
  for (const c of pod.containers) {
    const req = c.request !== undefined ? Quantity.parse(c.request) : Quantity.fromValue(0);
    if (c.usageBytes > req.value())
      msg += `Container ${c.name} was using ${bytesQuantity(c.usageBytes)}, request is ${req.toString()}, has larger consumption of memory. `;
  }
  return msg;
}
