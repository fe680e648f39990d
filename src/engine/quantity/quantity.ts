// resource.Quantity: an exact fixed-point number with a remembered format, compared and added without floats.
// mirrors k8s.io/apimachinery/pkg/api/resource/quantity.go (Quantity, Cmp, Add, Sub, Value, MilliValue, RoundUp).
import { formatQuantity } from './format';
import { NANO, parseQuantityParts, pow10, type QuantityFormat } from './parse';

/** divide rounding away from zero (Quantity.ScaledValue / RoundUp semantics) */
function divAway(n: bigint, d: bigint): bigint {
  const q = n / d;
  if (q * d === n) return q;
  return n < 0n ? q - 1n : q + 1n;
}

export class Quantity {
  private s: string | undefined;

  /** nanos: the value in units of 10^-9 */
  constructor(
    readonly nanos: bigint,
    readonly format: QuantityFormat = 'DecimalSI',
    s?: string,
  ) {
    this.s = s;
  }

  static parse(str: string): Quantity {
    const p = parseQuantityParts(str);
    return new Quantity(p.nanos, p.format, p.s);
  }

  /** resource.NewQuantity */
  static fromValue(value: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(value) * NANO, format);
  }

  /** resource.NewMilliQuantity */
  static fromMilli(milli: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(milli) * 1_000_000n, format);
  }

  /** canonical form, e.g. '1500m', '1Gi', '1k' */
  toString(): string {
    if (this.s === undefined) this.s = formatQuantity(this.nanos, this.format);
    return this.s;
  }

  toJSON(): string {
    return this.toString();
  }

  cmp(other: Quantity): -1 | 0 | 1 {
    return this.nanos < other.nanos ? -1 : this.nanos > other.nanos ? 1 : 0;
  }

  sign(): -1 | 0 | 1 {
    return this.nanos < 0n ? -1 : this.nanos > 0n ? 1 : 0;
  }

  isZero(): boolean {
    return this.nanos === 0n;
  }

  /** Add: a zero receiver takes the other's format */
  add(other: Quantity): Quantity {
    return new Quantity(this.nanos + other.nanos, this.nanos === 0n ? other.format : this.format);
  }

  sub(other: Quantity): Quantity {
    return new Quantity(this.nanos - other.nanos, this.nanos === 0n ? other.format : this.format);
  }

  neg(): Quantity {
    return new Quantity(-this.nanos, this.format);
  }

  /** ScaledValue(scale): ceil(q / 10^scale), away from zero; scale >= -9 */
  scaledValue(scale: number): number {
    const k = scale + 9;
    return Number(k >= 0 ? divAway(this.nanos, pow10(k)) : this.nanos * pow10(-k));
  }

  /** Value(): the integer value rounded away from zero */
  value(): number {
    return this.scaledValue(0);
  }

  /** MilliValue(): ceil(q * 1000) */
  milliValue(): number {
    return this.scaledValue(-3);
  }

  /** RoundUp(scale): round away from zero to 10^scale; returns the same object when already exact */
  roundUp(scale: number): Quantity {
    const unit = pow10(scale + 9);
    const rounded = divAway(this.nanos, unit) * unit;
    return rounded === this.nanos ? this : new Quantity(rounded, this.format);
  }
}

/** resource.ParseQuantity; throws QuantityParseError whose message is Kubernetes' own */
export function parseQuantity(str: string): Quantity {
  return Quantity.parse(str);
}

/** memoised tryParseQuantity results (Quantity is immutable): every pod write parses the same few strings */
const tryCache = new Map<string, Quantity | null>();
const TRY_CACHE_MAX = 4096;

/** parse, or undefined when the string is not a quantity */
export function tryParseQuantity(str: string): Quantity | undefined {
  const hit = tryCache.get(str);
  if (hit !== undefined) return hit ?? undefined;
  let q: Quantity | null;
  try {
    q = Quantity.parse(str);
  } catch {
    q = null;
  }
  if (tryCache.size >= TRY_CACHE_MAX) tryCache.clear();
  tryCache.set(str, q);
  return q ?? undefined;
}
