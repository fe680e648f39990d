// Parsing of resource quantities ('100m', '1.5Gi', '1e3') into exact nano-units.
// mirrors k8s.io/apimachinery/pkg/api/resource/quantity.go parseQuantityString + ParseQuantity and suffix.go.

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

const SPLIT_RE = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
export const ERR_FORMAT_WRONG = `quantities must match the regular expression '${SPLIT_RE}'`;
export const ERR_NUMERIC = 'unable to parse numeric part of quantity';
export const ERR_SUFFIX = "unable to parse quantity's suffix";

/** The error ParseQuantity returns (ErrFormatWrong, ErrNumeric or ErrSuffix). */
export class QuantityParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuantityParseError';
  }
}

export interface ParsedQuantity {
  /** exact value in units of 10^-9, rounded away from zero to the nearest nano */
  nanos: bigint;
  format: QuantityFormat;
  /** the input, kept when Kubernetes keeps it as the quantity's string form */
  s?: string;
}

interface Scanned {
  positive: boolean;
  num: string;
  denom: string;
  suffix: string;
}

const DIGIT = /[0-9]/;
const SUFFIX_CHARS = 'eEinumkKMGTP';

/** mirrors parseQuantityString: split sign, integer digits (leading zeros stripped), fraction digits, suffix */
function scan(str: string): Scanned {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, num: '0', denom: '', suffix: '' };
  let i = pos;
  while (i < end && DIGIT.test(str[i] as string)) i++;
  const num = i > pos ? str.slice(pos, i) : '0';
  pos = i;
  let denom = '';
  if (pos < end && str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && DIGIT.test(str[i] as string)) i++;
    denom = str.slice(pos, i);
    pos = i;
  }
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos] as string)) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && DIGIT.test(str[pos] as string)) pos++;
  if (pos < end) throw new QuantityParseError(ERR_FORMAT_WRONG);
  return { positive, num, denom, suffix: str.slice(suffixStart) };
}

const DEC_SUFFIXES: Record<string, number> = {
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
const BIN_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const MAX_INT32 = 2147483647;
/** kubesim bound: Go keeps arbitrary decimal exponents; we refuse ones whose value would not fit in memory */
const MAX_DECIMAL_EXPONENT = 10000;

interface Interpreted {
  base: 2 | 10;
  exponent: number;
  format: QuantityFormat;
}

/** mirrors suffixHandler.interpret */
function interpret(suffix: string): Interpreted {
  const dec = DEC_SUFFIXES[suffix];
  if (dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' };
  const bin = BIN_SUFFIXES[suffix];
  if (bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' };
  if (
    suffix.length > 1 &&
    (suffix[0] === 'e' || suffix[0] === 'E') &&
    /^[+-]?[0-9]+$/.test(suffix.slice(1))
  ) {
    const exponent = Number(suffix.slice(1));
    if (Math.abs(exponent) > MAX_INT32) throw new QuantityParseError(ERR_SUFFIX);
    if (Math.abs(exponent) > MAX_DECIMAL_EXPONENT) throw new QuantityParseError(ERR_NUMERIC);
    return { base: 10, exponent, format: 'DecimalExponent' };
  }
  throw new QuantityParseError(ERR_SUFFIX);
}

export const NANO = 1_000_000_000n;
const MAX_ALLOWED_NANOS = (2n ** 63n - 1n) * NANO;

export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** ceil(a / b) for a >= 0, b > 0 */
function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** Whether Go's int64 fast path would keep the input as the canonical string (quantity.go ParseQuantity). */
function keepsInput(sc: Scanned, it: Interpreted): boolean {
  const shifted = sc.num + sc.denom;
  if (it.format === 'BinarySI') {
    if (sc.denom.length > 0) return false;
    const precision = 15 - sc.num.length - Math.trunc((it.exponent * 3) / 10) - 1;
    return precision >= 0 && it.exponent % 10 === 0 && (Number(BigInt(shifted) & 7n) & 7) !== 0;
  }
  const precision = 18 - shifted.length;
  const scale = it.exponent - sc.denom.length;
  if (precision < 0 || scale < -9) return false;
  return scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
}

/** ParseQuantity: throws QuantityParseError with Kubernetes' message on bad input. */
export function parseQuantityParts(str: string): ParsedQuantity {
  if (str.length === 0) throw new QuantityParseError(ERR_FORMAT_WRONG);
  if (str === '0') return { nanos: 0n, format: 'DecimalSI', s: str };
  const sc = scan(str);
  const it = interpret(sc.suffix);
  let digits = BigInt(sc.num + sc.denom);
  if (it.base === 2) digits <<= BigInt(it.exponent);
  const k = (it.base === 10 ? it.exponent : 0) - sc.denom.length + 9;
  let nanos = k >= 0 ? digits * pow10(k) : ceilDiv(digits, pow10(-k));
  let format = it.format;
  if (format === 'BinarySI' && nanos > MAX_ALLOWED_NANOS) nanos = MAX_ALLOWED_NANOS;
  if (format === 'BinarySI' && nanos > 0n && nanos < NANO) format = 'DecimalSI';
  if (!sc.positive) nanos = -nanos;
  const parsed: ParsedQuantity = { nanos, format };
  if (nanos !== 0n && keepsInput(sc, it)) parsed.s = str;
  return parsed;
}
