// Canonical string form of a quantity, as Kubernetes prints it ('1000m' -> '1', '1024Mi' -> '1Gi').
// mirrors k8s.io/apimachinery/pkg/api/resource/quantity.go CanonicalizeBytes and amount.go AsCanonicalBytes.
import { NANO, type QuantityFormat } from './parse';

const DEC_SUFFIX_BY_EXP: Record<number, string> = {
  [-9]: 'n',
  [-6]: 'u',
  [-3]: 'm',
  0: '',
  3: 'k',
  6: 'M',
  9: 'G',
  12: 'T',
  15: 'P',
  18: 'E',
};
const BIN_SUFFIX_BY_EXP: Record<number, string> = {
  0: '',
  1: 'Ki',
  2: 'Mi',
  3: 'Gi',
  4: 'Ti',
  5: 'Pi',
  6: 'Ei',
};
const BINARY_DECIMAL_BOUND = 1024n * NANO;

/** mantissa and base-10 exponent (a multiple of 3, as large as possible without losing digits) */
function canonicalDecimal(absNanos: bigint): { mantissa: bigint; exponent: number } {
  let mantissa = absNanos;
  let exponent = -9;
  while (mantissa % 1000n === 0n) {
    mantissa /= 1000n;
    exponent += 3;
  }
  return { mantissa, exponent };
}

function formatDecimal(absNanos: bigint, format: 'DecimalSI' | 'DecimalExponent'): string {
  const { mantissa, exponent } = canonicalDecimal(absNanos);
  if (format === 'DecimalSI') {
    const suffix = DEC_SUFFIX_BY_EXP[exponent];
    // DecimalSI has no suffix beyond E: fall back to exponent notation rather than drop the magnitude
    if (suffix !== undefined) return `${mantissa}${suffix}`;
  }
  return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
}

/** the canonical string for a value in nano-units with the given format */
export function formatQuantity(nanos: bigint, format: QuantityFormat): string {
  if (nanos === 0n) return '0';
  const neg = nanos < 0n;
  const abs = neg ? -nanos : nanos;
  let out: string;
  if (format === 'BinarySI' && abs >= BINARY_DECIMAL_BOUND && abs % NANO === 0n) {
    let units = abs / NANO;
    let exp = 0;
    while (units % 1024n === 0n) {
      units /= 1024n;
      exp++;
    }
    const suffix = BIN_SUFFIX_BY_EXP[exp];
    out = suffix !== undefined ? `${units}${suffix}` : formatDecimal(abs, 'DecimalExponent');
  } else {
    // BinarySI values in (-1024, 1024) or with a fraction print as DecimalSI to avoid rounding
    out = formatDecimal(abs, format === 'DecimalExponent' ? 'DecimalExponent' : 'DecimalSI');
  }
  return neg ? `-${out}` : out;
}
