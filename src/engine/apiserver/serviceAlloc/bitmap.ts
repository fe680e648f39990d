// A bitmap allocator over [0, max) with a static low band (KEP-3070), as the apiserver's ClusterIP and NodePort
// allocators use. mirrors pkg/registry/core/service/allocator/bitmap.go (randomScanStrategyWithOffset).
import type { Rng } from '../../sim/types';

export class BitmapAllocator {
  private readonly bits: Uint8Array;
  private used = 0;

  /**
   * @param max number of offsets
   * @param offset size of the static low band: dynamic allocation prefers [offset, max)
   */
  constructor(
    readonly max: number,
    readonly offset: number,
  ) {
    this.bits = new Uint8Array(max);
  }

  has(i: number): boolean {
    return this.bits[i] === 1;
  }

  get free(): number {
    return this.max - this.used;
  }

  /** mark offset i used; false when already used */
  allocate(i: number): boolean {
    if (i < 0 || i >= this.max || this.bits[i] === 1) return false;
    this.bits[i] = 1;
    this.used++;
    return true;
  }

  release(i: number): void {
    if (i < 0 || i >= this.max || this.bits[i] !== 1) return;
    this.bits[i] = 0;
    this.used--;
  }

  /**
   * randomScanStrategyWithOffset.AllocateBit: a random start in the upper band, scanning forward; then the
   * low band the same way. Returns the free offset (not marked), or -1 when full.
   */
  pickNext(rng: Rng): number {
    if (this.used >= this.max) return -1;
    const upper = this.max - this.offset;
    if (upper > 0) {
      const start = rng.int(0, upper - 1);
      for (let i = 0; i < upper; i++) {
        const at = this.offset + ((start + i) % upper);
        if (this.bits[at] === 0) return at;
      }
    }
    if (this.offset > 0) {
      const start = rng.int(0, this.offset - 1);
      for (let i = 0; i < this.offset; i++) {
        const at = (start + i) % this.offset;
        if (this.bits[at] === 0) return at;
      }
    }
    return -1;
  }
}
