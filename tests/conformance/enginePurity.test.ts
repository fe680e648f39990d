// The lint rule that keeps wall-clock time, Math.random, timers and UI libraries out of src/engine really fires.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('engine purity lint rule', () => {
  const cases: Array<{ name: string; code: string; rule: string }> = [
    { name: 'Math.random', code: 'export const r = Math.random();\n', rule: 'no-restricted-properties' },
    { name: 'Date.now', code: 'export const t = Date.now();\n', rule: 'no-restricted-properties' },
    { name: 'new Date', code: 'export const d = new Date();\n', rule: 'no-restricted-globals' },
    { name: 'setTimeout', code: 'setTimeout(() => undefined, 1);\n', rule: 'no-restricted-globals' },
    { name: 'performance.now', code: 'export const p = performance.now();\n', rule: 'no-restricted-globals' },
    {
      name: 'react import',
      code: "import { useState } from 'react';\nexport const u = useState;\n",
      rule: 'no-restricted-imports',
    },
    {
      name: 'zustand import',
      code: "import { create } from 'zustand';\nexport const c = create;\n",
      rule: 'no-restricted-imports',
    },
  ];
  for (const c of cases) {
    it(`rejects ${c.name} in src/engine`, async () => {
      expect(await ruleIds(c.code, 'src/engine/sim/example.ts')).toContain(c.rule);
    });
  }

  it('allows the same code outside the engine', async () => {
    expect(await ruleIds('export const r = Math.random();\n', 'src/ui/example.ts')).toEqual([]);
  });
});
