// Table tests ported from k8s.io/apimachinery/pkg/util/duration/duration_test.go, plus translateTimestampSince.
import { describe, expect, it } from 'vitest';
import { humanDuration, shortHumanDuration, translateTimestampSince } from './age';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

describe('humanDuration (duration_test.go TestHumanDuration)', () => {
  const rows: { d: number; want: string }[] = [
    { d: s, want: '1s' },
    { d: 70 * s, want: '70s' },
    { d: 190 * s, want: '3m10s' },
    { d: 70 * m, want: '70m' },
    { d: 47 * h, want: '47h' },
    { d: 49 * h, want: '2d1h' },
    { d: (8 * 24 + 2) * h, want: '8d' },
    { d: 367 * d, want: '367d' },
    { d: 365 * 2 * d + 25 * d, want: '2y25d' },
    { d: 365 * 8 * d, want: '8y' },
    { d: 2 * m + 30 * s, want: '2m30s' },
    { d: 5 * m, want: '5m' },
    { d: 3 * h + 20 * m, want: '3h20m' },
    { d: 0, want: '0s' },
    { d: -1500, want: '0s' },
    { d: -2 * s, want: '<invalid>' },
  ];
  for (const r of rows) it(`${r.d}ms -> ${r.want}`, () => expect(humanDuration(r.d)).toBe(r.want));
});

describe('shortHumanDuration', () => {
  const rows: { d: number; want: string }[] = [
    { d: 59 * s, want: '59s' },
    { d: 90 * s, want: '1m' },
    { d: 90 * m, want: '1h' },
    { d: 50 * h, want: '2d' },
    { d: 2 * y + 5 * d, want: '2y' },
    { d: -3 * s, want: '<invalid>' },
  ];
  for (const r of rows) it(`${r.d}ms -> ${r.want}`, () => expect(shortHumanDuration(r.d)).toBe(r.want));
});

describe('translateTimestampSince', () => {
  it('prints <unknown> for a missing timestamp', () =>
    expect(translateTimestampSince(undefined, 0)).toBe('<unknown>'));
  it('measures from the simulation epoch', () =>
    expect(translateTimestampSince('2025-01-01T00:00:00Z', 5 * m + 3 * s)).toBe('5m3s'));
});

describe('humanDuration properties', () => {
  it('always prints one or two unit groups for non-negative durations', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 * y }), (ms) => {
        expect(humanDuration(ms)).toMatch(/^\d+[smhdy](\d+[smhd])?$/);
      }),
    );
  });
});
