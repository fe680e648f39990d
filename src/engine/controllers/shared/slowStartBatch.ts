// Batched creation that grows 1, 2, 4, ... and stops at the first failing batch (mirrors replica_set.go slowStartBatch).

/** controller.SlowStartInitialBatchSize */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

export interface SlowStartResult {
  /** calls that returned no error */
  successes: number;
  /** the first error of the first failing batch */
  error?: string;
  /** fn calls made (each batch runs completely, as the goroutines in Kubernetes do) */
  calls: number;
}

/**
 * slowStartBatch(count, initialBatchSize, fn): run fn in batches of min(2*prev, remaining); after a batch
 * with any error, stop. fn returns an error message or undefined. Calls within a batch run in order here.
 */
export function slowStartBatch(
  count: number,
  initialBatchSize: number,
  fn: () => string | undefined,
): SlowStartResult {
  let remaining = count;
  let successes = 0;
  let calls = 0;
  for (
    let batchSize = Math.min(remaining, initialBatchSize);
    batchSize > 0;
    batchSize = Math.min(2 * batchSize, remaining)
  ) {
    let firstError: string | undefined;
    for (let i = 0; i < batchSize; i++) {
      calls++;
      const err = fn();
      if (err === undefined) successes++;
      else firstError ??= err;
    }
    if (firstError !== undefined) return { successes, error: firstError, calls };
    remaining -= batchSize;
  }
  return { successes, calls };
}
