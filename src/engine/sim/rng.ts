// Seeded random streams for the simulation (pure-rand xoroshiro128plus underneath).
// fork(label) derives a child seed from (this stream's seed, label) only, so streams never shift one another.
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { Rng } from './types';

type Generator = ReturnType<typeof xoroshiro128plus>;

const HEX = '0123456789abcdef';

/** FNV-1a over UTF-16 code units, then a murmur3 finaliser: a stable 32-bit string hash. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** the seed a child stream gets: depends on the parent's seed and the label only */
export function forkSeed(seed: number, label: string): number {
  return hashString(label, mix32(seed ^ 0x9e3779b9));
}

class SeededRng implements Rng {
  constructor(
    private readonly seed: number,
    private readonly gen: Generator,
  ) {}

  int(from: number, to: number): number {
    if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) {
      throw new RangeError(`rng.int: invalid range [${from}, ${to}]`);
    }
    return uniformInt(this.gen, from, to);
  }

  float(): number {
    // 53 random bits, as the usual 2x32-bit construction does
    const hi = (this.gen.next() >>> 0) >>> 5;
    const lo = (this.gen.next() >>> 0) >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('rng.pick: empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  string(length: number, alphabet: string): string {
    if (alphabet.length === 0) throw new RangeError('rng.string: empty alphabet');
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[this.int(0, alphabet.length - 1)];
    return s;
  }

  uuid(): string {
    const bytes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const word = this.gen.next() >>> 0;
      bytes.push(word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff);
    }
    // RFC 4122 section 4.4: version 4 in the high nibble of byte 6, variant 10xx in byte 8
    bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
    let s = '';
    for (let i = 0; i < 16; i++) {
      if (i === 4 || i === 6 || i === 8 || i === 10) s += '-';
      const b = bytes[i] as number;
      s += (HEX[b >>> 4] as string) + (HEX[b & 0x0f] as string);
    }
    return s;
  }

  fork(label: string): Rng {
    return createRng(forkSeed(this.seed, label));
  }

  getState(): readonly number[] {
    return [this.seed, ...this.gen.getState()];
  }
}

export function createRng(seed: number): Rng {
  const s = seed | 0;
  // xoroshiro128plus seeded straight from a small integer starts with correlated outputs (seeds 0..59 all drew 0
  // first from int(0, 1)); scramble the seed and drop a few outputs so small seeds give well-mixed streams
  const gen = xoroshiro128plus(mix32(s ^ 0x2545f491));
  for (let i = 0; i < 4; i++) gen.next();
  return new SeededRng(s, gen);
}

/** restore a stream saved with getState() */
export function rngFromState(state: readonly number[]): Rng {
  if (state.length !== 5) throw new RangeError('rngFromState: expected the 5 numbers getState() returns');
  return new SeededRng(state[0] as number, xoroshiro128plusFromState(state.slice(1)));
}
