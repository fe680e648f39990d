// truncateEndpoints / capacityAnnotationSetCorrectly tables (pkg/controller/endpoint/endpoints_controller_test.go TestTruncateEndpoints).
import { describe, expect, it } from 'vitest';
import type { EndpointAddress, EndpointSubset } from 'kubernetes-types/core/v1';
import { capacityAnnotationSetCorrectly, truncateSubsets } from './truncate';

const addrs = (n: number, from = 0): EndpointAddress[] =>
  Array.from({ length: n }, (_, i) => ({
    ip: `10.0.${Math.floor((from + i) / 250)}.${((from + i) % 250) + 1}`,
  }));

function counts(subsets: EndpointSubset[] | undefined): [number, number][] {
  return (subsets ?? []).map((s) => [(s.addresses ?? []).length, (s.notReadyAddresses ?? []).length]);
}

describe('truncateEndpoints', () => {
  const rows: { name: string; subsets: EndpointSubset[]; expected: [number, number][] | undefined }[] = [
    {
      name: 'under capacity: untouched',
      subsets: [{ addresses: addrs(500), notReadyAddresses: addrs(500, 500) }],
      expected: undefined,
    },
    {
      name: '900 ready + 300 not ready -> 900 + 100',
      subsets: [{ addresses: addrs(900), notReadyAddresses: addrs(300, 900) }],
      expected: [[900, 100]],
    },
    { name: '1200 ready -> 1000 ready', subsets: [{ addresses: addrs(1200) }], expected: [[1000, 0]] },
    {
      name: '1200 ready + 300 not ready in one subset -> 1000 ready, no not-ready',
      subsets: [{ addresses: addrs(1200), notReadyAddresses: addrs(300, 1200) }],
      expected: [[1000, 0]],
    },
    {
      name: 'two subsets share the ready capacity proportionally (ceil)',
      subsets: [{ addresses: addrs(600) }, { addresses: addrs(900, 600) }],
      expected: [
        [400, 0],
        [600, 0],
      ],
    },
    {
      name: 'not-ready addresses are cut proportionally per subset',
      subsets: [
        { addresses: addrs(500), notReadyAddresses: addrs(300, 500) },
        { addresses: addrs(300, 800), notReadyAddresses: addrs(300, 1100) },
      ],
      expected: [
        [500, 100],
        [300, 100],
      ],
    },
  ];
  for (const r of rows)
    it(r.name, () => expect(counts(truncateSubsets(r.subsets))).toEqual(r.expected ?? []));
});

describe('capacityAnnotationSetCorrectly', () => {
  const rows: { name: string; ann: Record<string, string>; n: number; expected: boolean }[] = [
    { name: 'under capacity, no annotation', ann: {}, n: 10, expected: true },
    {
      name: 'under capacity, stale annotation',
      ann: { 'endpoints.kubernetes.io/over-capacity': 'truncated' },
      n: 10,
      expected: false,
    },
    {
      name: 'over capacity',
      ann: { 'endpoints.kubernetes.io/over-capacity': 'truncated' },
      n: 1001,
      expected: false,
    },
  ];
  for (const r of rows)
    it(r.name, () =>
      expect(capacityAnnotationSetCorrectly(r.ann, [{ addresses: addrs(r.n) }])).toBe(r.expected),
    );
});
