// Every scenario under scenarios/ replays headless and every one of its checks passes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, playScenario } from '../src/engine/scenario/index';

const dir = join(__dirname, '..', 'scenarios');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
  .sort();

describe('scenarios', () => {
  it('there are scenario files to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of files) {
    it(`${file} replays and every check passes`, { timeout: 120_000 }, () => {
      const scenario = parseScenario(readFileSync(join(dir, file), 'utf8'), `scenarios/${file}`);
      const result = playScenario(scenario);
      const failures = result.steps.flatMap((s, i) => [
        ...s.outputs
          .filter((o) => o.unexpectedCode)
          .map((o) => `step ${i + 1} "${s.title}": \`${o.command}\` exited ${o.code}: ${o.stderr.trim()}`),
        ...s.checks
          .filter((c) => !c.passed)
          .map((c) => `step ${i + 1} "${s.title}": ${c.describe}: ${c.failures.join('; ')}`),
      ]);
      expect(failures).toEqual([]);
      expect(result.passed).toBe(true);
      expect(result.steps.every((s) => s.checks.length > 0)).toBe(true);
    });
  }
});
