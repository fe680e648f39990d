// Plays scenario files headless from the shell: narration titles, commands with output, check results.
// Usage: npm run scenario -- scenarios/01-deployment-rolling-update.yaml [more.yaml ...] [--quiet]
import { readFileSync } from 'node:fs';
import { parseScenario, playScenario, ScenarioParseError } from '../engine/scenario/index';
import type { StepResult } from '../engine/scenario/index';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const files = args.filter((a) => a !== '--quiet');
const green = (s: string): string => (process.stdout.isTTY ? `\x1b[32m${s}\x1b[0m` : s);
const red = (s: string): string => (process.stdout.isTTY ? `\x1b[31m${s}\x1b[0m` : s);
const indent = (s: string, pad: string): string =>
  s
    .trimEnd()
    .split('\n')
    .map((l) => pad + l)
    .join('\n');

function printStep(step: StepResult, i: number): void {
  console.log(`\n== Step ${i + 1}: ${step.title}`);
  for (const o of step.outputs) {
    console.log(`$ ${o.command}${o.stdin === undefined ? '' : ' <<EOF (stdin)'}`);
    const text = o.stdout + o.stderr;
    if (!quiet && text.trim() !== '') console.log(indent(text, '  '));
    if (o.unexpectedCode) console.log(red(`  ✗ exit code ${o.code} was not expected`));
  }
  for (const c of step.checks) {
    if (c.passed) console.log(green(`  ✓ ${c.describe}`));
    else {
      console.log(red(`  ✗ ${c.describe}`));
      for (const f of c.failures) console.log(`      ${f}`);
      if (c.hint !== undefined) console.log(`      hint: ${c.hint}`);
    }
  }
}

if (files.length === 0) {
  console.error('usage: npm run scenario -- scenarios/FILE.yaml [more.yaml ...] [--quiet]');
  process.exit(2);
}
let allPassed = true;
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`${file}: ${(e as Error).message}`);
    allPassed = false;
    continue;
  }
  try {
    const scenario = parseScenario(text, file);
    console.log(`# ${scenario.title}  (${file})`);
    const result = playScenario(scenario, { onStep: printStep });
    const checks = result.steps.flatMap((s) => s.checks);
    const passed = checks.filter((c) => c.passed).length;
    const verdict = result.passed ? green('PASSED') : red('FAILED');
    console.log(
      `\n${verdict}: ${passed}/${checks.length} checks, ${(result.virtualMs / 1000).toFixed(1)}s virtual`,
    );
    allPassed &&= result.passed;
  } catch (e) {
    if (!(e instanceof ScenarioParseError)) throw e;
    console.error(e.message);
    allPassed = false;
  }
}
process.exit(allPassed ? 0 : 1);
