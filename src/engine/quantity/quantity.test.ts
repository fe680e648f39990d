// Table tests ported from k8s.io/apimachinery/pkg/api/resource/quantity_test.go.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Quantity, parseQuantity } from './quantity';
import { ERR_FORMAT_WRONG, ERR_SUFFIX, type QuantityFormat } from './parse';

/** decQuantity(i, exponent, format) from the Go tests: i * 10^exponent */
function dq(i: number | bigint, exponent: number, format: QuantityFormat): Quantity {
  const k = exponent + 9;
  const nanos = k >= 0 ? BigInt(i) * 10n ** BigInt(k) : BigInt(i) / 10n ** BigInt(-k);
  return new Quantity(nanos, format);
}

const maxAllowed = new Quantity((2n ** 63n - 1n) * 1_000_000_000n, 'BinarySI');

describe('parseQuantity (TestQuantityParse)', () => {
  const table: [string, Quantity][] = [
    ['0', dq(0, 0, 'DecimalSI')],
    ['0n', dq(0, 0, 'DecimalSI')],
    ['0Ki', dq(0, 0, 'BinarySI')],
    ['0M', dq(0, 0, 'DecimalSI')],
    ['1', dq(1, 0, 'DecimalSI')],
    ['1Ki', dq(1024, 0, 'BinarySI')],
    ['7Mi', dq(7 * 1024 * 1024, 0, 'BinarySI')],
    ['6Gi', dq(6 * 1024 ** 3, 0, 'BinarySI')],
    ['3Ei', dq(3n * 1024n ** 6n, 0, 'BinarySI')],
    ['5n', dq(5, -9, 'DecimalSI')],
    ['4u', dq(4, -6, 'DecimalSI')],
    ['3m', dq(3, -3, 'DecimalSI')],
    ['50k', dq(5, 4, 'DecimalSI')],
    ['2P', dq(2, 15, 'DecimalSI')],
    ['1E', dq(1, 18, 'DecimalSI')],
    ['1E-3', dq(1, -3, 'DecimalExponent')],
    ['1e3', dq(1, 3, 'DecimalExponent')],
    ['1E18', dq(1, 18, 'DecimalExponent')],
    ['100.035k', dq(100035, 0, 'DecimalSI')],
    ['0.001', dq(1, -3, 'DecimalSI')],
    ['0.0005k', dq(5, -1, 'DecimalSI')],
    ['0.5', dq(5, -1, 'DecimalSI')],
    ['0.5e-2', dq(5, -3, 'DecimalExponent')],
    ['1.3E+6', dq(13, 5, 'DecimalExponent')],
    ['6.987654321G', dq(6987654321, 0, 'DecimalSI')],
    ['1.01E', dq(101, 16, 'DecimalSI')],
    ['3.001n', dq(4, -9, 'DecimalSI')],
    ['1.1E-9', dq(2, -9, 'DecimalExponent')],
    ['0.0000000001', dq(1, -9, 'DecimalSI')],
    ['0.00000012345', dq(124, -9, 'DecimalSI')],
    ['9Ei', maxAllowed],
    ['9223372036854775807Ki', maxAllowed],
    ['12E', dq(12, 18, 'DecimalSI')],
    ['100.035Ki', dq(10243584, -2, 'BinarySI')],
    ['0.5Mi', dq(0.5 * 1024 * 1024, 0, 'BinarySI')],
    ['0.000000000001Ki', dq(2, -9, 'DecimalSI')],
    ['.001', dq(1, -3, 'DecimalSI')],
    ['1.', dq(1, 0, 'DecimalSI')],
    ['1.G', dq(1, 9, 'DecimalSI')],
  ];
  it.each(table)('%s', (input, expected) => {
    const got = parseQuantity(input);
    expect(got.cmp(expected)).toBe(0);
    expect(got.format).toBe(expected.format);
    const neg = parseQuantity('-' + input);
    expect(neg.cmp(expected.neg())).toBe(0);
    expect(parseQuantity('+' + input).cmp(expected)).toBe(0);
  });

  const invalid = [
    '',
    '1.1.M',
    '1+1.0M',
    '0.1mi',
    '0.1am',
    'aoeu',
    '.5i',
    '1i',
    '-3.01i',
    '-3.01e-',
    '1e4294967297',
    ' 1',
    '1 ',
  ];
  it.each(invalid)('rejects %j', (input) => {
    expect(() => parseQuantity(input)).toThrow();
  });

  it('uses Kubernetes error messages', () => {
    expect(() => parseQuantity('abc')).toThrow(
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
    expect(() => parseQuantity('abc')).toThrow(ERR_FORMAT_WRONG);
    expect(() => parseQuantity('1mi')).toThrow(ERR_SUFFIX);
  });
});

describe('canonical string (TestQuantityString)', () => {
  const table: [Quantity, string, string][] = [
    [dq(1024 * 1024 * 1024, 0, 'BinarySI'), '1Gi', '1024Mi'],
    [dq(300 * 1024 * 1024, 0, 'BinarySI'), '300Mi', '307200Ki'],
    [dq(6 * 1024, 0, 'BinarySI'), '6Ki', ''],
    [dq(1001 * 1024 * 1024 * 1024, 0, 'BinarySI'), '1001Gi', '1025024Mi'],
    [dq(5, 0, 'BinarySI'), '5', '5000m'],
    [dq(500, -3, 'BinarySI'), '500m', '0.5'],
    [dq(1, 9, 'DecimalSI'), '1G', '1000M'],
    [dq(1000, 6, 'DecimalSI'), '1G', '0.001T'],
    [dq(1, -3, 'DecimalSI'), '1m', '1000u'],
    [dq(1080, -3, 'DecimalSI'), '1080m', '1.08'],
    [dq(108, -2, 'DecimalSI'), '1080m', '1080000000n'],
    [dq(1, 18, 'DecimalSI'), '1E', ''],
    [dq(1, 21, 'DecimalSI'), '1e21', '1000E'],
    [dq(1, 70, 'BinarySI'), '10e69', ''],
    [dq(1234567, -3, 'BinarySI'), '1234567m', ''],
    [dq(1025, 0, 'BinarySI'), '1025', ''],
    [dq(0, 0, 'BinarySI'), '0', ''],
    [dq(1, 9, 'DecimalExponent'), '1e9', '.001e12'],
    [dq(1, -3, 'DecimalExponent'), '1e-3', '0.001e0'],
    [dq(1, -9, 'DecimalExponent'), '1e-9', '1000e-12'],
    [dq(80, -3, 'DecimalExponent'), '80e-3', ''],
    [dq(0, 0, 'DecimalExponent'), '0', '00'],
    [dq(1080, -9, 'DecimalSI'), '1080n', ''],
    [dq(1080, -6, 'DecimalSI'), '1080u', ''],
  ];
  it.each(table)('%s -> %s', (q, expected, alternate) => {
    expect(q.toString()).toBe(expected);
    expect(parseQuantity(expected).toString()).toBe(expected);
    if (alternate) expect(parseQuantity(alternate).toString()).toBe(expected);
    if (!q.isZero()) expect(q.neg().toString()).toBe('-' + expected);
  });

  it('2^70 in BinarySI falls back to exact decimal digits', () => {
    const q = new Quantity(2n ** 70n * 1_000_000_000n, 'BinarySI');
    expect(q.toString()).toBe('1180591620717411303424');
  });
});

describe('parse then emit (TestQuantityParseEmit and the brief)', () => {
  const table: [string, string][] = [
    ['1Ki', '1Ki'],
    ['1024Mi', '1Gi'],
    ['1000M', '1G'],
    ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'],
    ['.000000001Ki', '1024n'],
    ['.000000000001Ki', '2n'],
    ['1000m', '1'],
    ['0.5', '500m'],
    ['1.5', '1500m'],
    ['1.5Gi', '1536Mi'],
    ['100m', '100m'],
    ['2Gi', '2Gi'],
    ['500M', '500M'],
    ['1e3', '1e3'],
    ['0.1', '100m'],
    ['1000', '1k'],
  ];
  it.each(table)('%s -> %s', (input, expected) => {
    expect(parseQuantity(input).toString()).toBe(expected);
    if (expected !== '0') expect(parseQuantity('-' + input).toString()).toBe('-' + expected);
  });
});

describe('arithmetic and values', () => {
  it.each([
    ['0', '0', 0],
    ['100m', '50m', 1],
    ['50m', '100m', -1],
    ['10000T', '100Gi', 1],
  ] as const)('cmp(%s, %s) = %d', (x, y, want) => {
    expect(parseQuantity(x).cmp(parseQuantity(y))).toBe(want);
  });

  it('negates (TestQuantityNeg)', () => {
    expect(dq(901, -2, 'DecimalSI').neg().toString()).toBe('-9010m');
  });

  it('adding or subtracting zero preserves the suffix', () => {
    for (const v of ['100m', '1Gi']) {
      const q = parseQuantity(v);
      const zero = parseQuantity('0');
      expect(q.add(zero).toString()).toBe(v);
      expect(zero.add(q).toString()).toBe(v);
      expect(q.sub(zero).toString()).toBe(v);
      expect(zero.sub(q).toString()).toBe('-' + v);
    }
  });

  it.each([
    ['100m', 100, 1],
    ['1', 1000, 1],
    ['1.5', 1500, 2],
    ['1n', 1, 1],
    ['2Gi', 2 * 1024 ** 3 * 1000, 2 * 1024 ** 3],
    ['-1.5', -1500, -2],
  ] as const)('%s: milliValue %d value %d', (s, milli, v) => {
    const q = parseQuantity(s);
    expect(q.milliValue()).toBe(milli);
    expect(q.value()).toBe(v);
  });

  it('rounds up to a scale away from zero (TestQuantityRoundUp)', () => {
    expect(
      parseQuantity('9.01')
        .roundUp(-1)
        .cmp(dq(91, -1, 'DecimalSI')),
    ).toBe(0);
    expect(
      parseQuantity('-9.01')
        .roundUp(0)
        .cmp(dq(-10, 0, 'DecimalSI')),
    ).toBe(0);
    expect(parseQuantity('100u').roundUp(-3).toString()).toBe('1m');
  });

  it('canonical strings parse back to the same value (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.constantFrom<QuantityFormat>('DecimalSI', 'BinarySI', 'DecimalExponent'),
        (nanos, format) => {
          const q = new Quantity(nanos, format);
          const back = parseQuantity(q.toString());
          return back.cmp(q) === 0 && back.toString() === q.toString();
        },
      ),
    );
  });
});
