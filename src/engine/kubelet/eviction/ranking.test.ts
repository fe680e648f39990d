// rankMemoryPressure order and the eviction message (helpers_test.go TestOrderedByExceedsRequestMemory / TestEvictionMessage).
import { describe, expect, it } from 'vitest';
import { memoryEvictionMessage, rankMemoryPressure, type PodMemoryStats } from './ranking';
import { parseMemoryThreshold } from './threshold';

const Mi = 1024 * 1024;
const pod = (key: string, requestMi: number, usageMi: number, priority = 0): PodMemoryStats => ({
  key,
  priority,
  requestBytes: requestMi * Mi,
  usageBytes: usageMi * Mi,
  containers: [{ name: 'web', usageBytes: usageMi * Mi, request: requestMi ? `${requestMi}Mi` : undefined }],
});

describe('rankMemoryPressure', () => {
  it('reference case: B, A, C, D', () => {
    const pods = [pod('A', 0, 100), pod('B', 100, 300), pod('C', 500, 400), pod('D', 1024, 200, 1000)];
    expect(rankMemoryPressure(pods).map((p) => p.key)).toEqual(['B', 'A', 'C', 'D']);
  });
  it('among pods above requests, lower priority goes first', () => {
    const pods = [pod('hi', 100, 900, 100), pod('lo', 100, 150, 0)];
    expect(rankMemoryPressure(pods).map((p) => p.key)).toEqual(['lo', 'hi']);
  });
});

describe('memoryEvictionMessage', () => {
  it('names the containers above their request, as evictionMessage does', () => {
    expect(memoryEvictionMessage(pod('B', 100, 300), '100Mi', 50 * Mi)).toBe(
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. Container web was using 300Mi, request is 100Mi, has larger consumption of memory. ',
    );
    expect(memoryEvictionMessage(pod('A', 0, 100), '100Mi', 51200 * 1024)).toBe(
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. Container web was using 100Mi, request is 0, has larger consumption of memory. ',
    );
    expect(memoryEvictionMessage(pod('C', 500, 400), '100Mi', 1000 * 1024)).toBe(
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 1000Ki. ',
    );
  });
});

describe('parseMemoryThreshold', () => {
  const rows = [
    { input: 'memory.available<100Mi', cap: 16 * 1024 * Mi, bytes: 100 * Mi, text: '100Mi' },
    { input: 'memory.available<10%', cap: 1000 * Mi, bytes: 100 * Mi, text: '10%' },
  ];
  for (const r of rows)
    it(r.input, () => {
      const t = parseMemoryThreshold(r.input);
      expect([t.bytes(r.cap), t.text, t.quantity(r.cap)]).toEqual([r.bytes, r.text, '100Mi']);
    });
  it('rejects other signals', () => {
    expect(() => parseMemoryThreshold('nodefs.available<10%')).toThrow(
      'unsupported eviction signal nodefs.available',
    );
  });
});
