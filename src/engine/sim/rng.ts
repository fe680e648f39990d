// Seeded random streams for the simulation (pure-rand xoroshiro128plus underneath).
// fork(label) derives a child seed from (this stream's seed, label) only, so streams never shift one another.
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { Rng } from './types';

type Generator = ReturnType<typeof xoroshiro128plus>;

/** char codes of the lowercase hex digits */
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** a uuid's 36 char codes, dashes in place: uuid() fills the digits and decodes it in one call */
const UUID_CODES = Array.from('xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', (c) => c.charCodeAt(0));
/** string()'s char codes, reused */
const STRING_CODES: number[] = [];

/** two hex digits of a byte into codes[at], codes[at + 1] */
function putByte(codes: number[], at: number, byte: number): void {
  codes[at] = HEX_CODES[byte >>> 4] as number;
  codes[at + 1] = HEX_CODES[byte & 0x0f] as number;
}

/** the 8 hex digits of a 32-bit word into codes[at..at + 8) */
function putWord(codes: number[], at: number, word: number): void {
  putByte(codes, at, word >>> 24);
  putByte(codes, at + 2, (word >>> 16) & 0xff);
  putByte(codes, at + 4, (word >>> 8) & 0xff);
  putByte(codes, at + 6, word & 0xff);
}

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
    // int(0, size - 1) inlined (pure-rand uniformIntInternal: the same draws and rejections), one decode at the end
    const size = alphabet.length;
    const maxAllowed = size > 2 ? ~~(4_294_967_296 / size) * size : 4_294_967_296;
    const codes = STRING_CODES;
    codes.length = length;
    for (let i = 0; i < length; i++) {
      let v = this.gen.next() + 2_147_483_648;
      while (v >= maxAllowed) v = this.gen.next() + 2_147_483_648;
      codes[i] = alphabet.charCodeAt(v % size);
    }
    return String.fromCharCode.apply(null, codes);
  }

  uuid(): string {
    // four 32-bit words are bytes 0-15 (big-endian); RFC 4122 section 4.4: version 4 in the high nibble of
    // byte 6, variant 10xx in byte 8
    const w0 = this.gen.next() >>> 0;
    const w1 = this.gen.next() >>> 0;
    const w2 = this.gen.next() >>> 0;
    const w3 = this.gen.next() >>> 0;
    const codes = UUID_CODES;
    putWord(codes, 0, w0);
    putByte(codes, 9, w1 >>> 24);
    putByte(codes, 11, (w1 >>> 16) & 0xff);
    putByte(codes, 14, ((w1 >>> 8) & 0x0f) | 0x40);
    putByte(codes, 16, w1 & 0xff);
    putByte(codes, 19, ((w2 >>> 24) & 0x3f) | 0x80);
    putByte(codes, 21, (w2 >>> 16) & 0xff);
    putByte(codes, 24, (w2 >>> 8) & 0xff);
    putByte(codes, 26, w2 & 0xff);
    putWord(codes, 28, w3);
    return String.fromCharCode.apply(null, codes);
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
