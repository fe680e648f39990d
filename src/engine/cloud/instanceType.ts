// The simulated cloud's machine types, named like GCE's E2 family: a node's CPU and memory pick the type its
// instance reports (node.kubernetes.io/instance-type), e.g. 4 CPU / 16Gi -> e2-standard-4.
import { milliValue, tryCachedQuantity, value } from '../quantity/cache';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

/** GiB of memory per vCPU of each predefined family */
const FAMILIES: ReadonlyArray<readonly [string, number]> = [
  ['highcpu', 1],
  ['standard', 4],
  ['highmem', 8],
];

/**
 * e2-<family>-<vCPUs> when the shape is a predefined one (whole vCPUs, 1/4/8 GiB each); otherwise a custom type
 * e2-custom-<vCPUs>-<MiB> (GCE's custom machine type naming), with fractional CPU kept as millicores.
 */
export function instanceTypeFor(cpu: string, memory: string): string {
  if (!tryCachedQuantity(cpu) || !tryCachedQuantity(memory)) return 'e2-custom';
  const milli = milliValue(cpu);
  const bytes = value(memory);
  const wholeCpu = milli % 1000 === 0 && milli > 0;
  if (wholeCpu) {
    const cpus = milli / 1000;
    for (const [family, gibPerCpu] of FAMILIES) {
      if (bytes === cpus * gibPerCpu * GIB) return `e2-${family}-${cpus}`;
    }
  }
  const cpuPart = wholeCpu ? String(milli / 1000) : `${milli}m`;
  return `e2-custom-${cpuPart}-${Math.ceil(bytes / MIB)}`;
}
