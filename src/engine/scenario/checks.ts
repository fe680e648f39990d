// Evaluates a scenario check against a cluster, reading state only through `kubectl get ... -o json`.
import type { CommandResult } from '../commands/types';
import type { Check, CommandCheck, ListCheck, Matcher, ObjectCheck } from './types';
import { evaluatePath, show } from './matchers';

/** anything that runs a command line like `cluster.run` */
export interface CommandRunner {
  run(commandLine: string, stdin?: string): CommandResult;
}

export interface CheckResult {
  describe: string;
  passed: boolean;
  /** what was found, e.g. `status.readyReplicas = 2` */
  actual: string;
  /** one line per failed expectation: `status.readyReplicas: expected 3, got 2` */
  failures: string[];
  hint?: string;
}

/** a value safe to put in a command line: quoted when it has spaces or shell-ish characters */
function arg(v: string): string {
  return /^[\w./=,:@-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

export function checkCommandLine(c: ObjectCheck | ListCheck): string {
  const parts = ['kubectl', 'get'];
  if (c.kind === 'object') parts.push(c.get);
  else {
    parts.push(c.list);
    if (c.selector !== undefined) parts.push('-l', arg(c.selector));
    if (c.fieldSelector !== undefined) parts.push('--field-selector', arg(c.fieldSelector));
  }
  if (c.namespace !== undefined) parts.push('-n', arg(c.namespace));
  parts.push('-o', 'json');
  return parts.join(' ');
}

function result(c: Check, actual: string[], failures: string[]): CheckResult {
  const r: CheckResult = {
    describe: c.describe,
    passed: failures.length === 0,
    actual: actual.join(', '),
    failures,
  };
  if (c.hint !== undefined) r.hint = c.hint;
  return r;
}

function evaluateState(c: ObjectCheck | ListCheck, runner: CommandRunner): CheckResult {
  const res = runner.run(checkCommandLine(c));
  if (res.code !== 0) {
    const err = res.stderr.trim() || `exit code ${res.code}`;
    return result(c, [err], [err]);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(res.stdout) as unknown;
  } catch {
    return result(c, [], ['kubectl did not print JSON']);
  }
  if (c.kind === 'list' && (typeof doc !== 'object' || doc === null || !('items' in doc))) {
    // `kubectl get kind/name -o json` prints one object; wrap it so `count` still works
    doc = { items: [doc] };
  }
  const actual: string[] = [];
  const failures: string[] = [];
  for (const [path, m] of Object.entries(c.expect) as [string, Matcher][]) {
    const target = c.kind === 'list' && path === 'count' ? (doc as { items: unknown[] }).items.length : doc;
    const r =
      path === 'count' && c.kind === 'list' ? evaluatePath(target, '', m) : evaluatePath(target, path, m);
    actual.push(`${path} = ${show(r.actual)}`);
    if (r.failure) failures.push(`${path}: ${r.failure}, got ${show(r.actual)}`);
  }
  return result(c, actual, failures);
}

function evaluateCommand(c: CommandCheck, runner: CommandRunner): CheckResult {
  const res = runner.run(c.command, c.stdin);
  const out = res.stdout + res.stderr;
  const e = c.expectOutput;
  const failures: string[] = [];
  const code = e.code ?? 0;
  if (res.code !== code) failures.push(`exit code: expected ${code}, got ${res.code}`);
  for (const s of e.contains ?? []) if (!out.includes(s)) failures.push(`output does not contain ${show(s)}`);
  for (const s of e.notContains ?? []) if (out.includes(s)) failures.push(`output contains ${show(s)}`);
  if (e.matches !== undefined && !new RegExp(e.matches, 'm').test(out))
    failures.push(`output does not match /${e.matches}/`);
  return result(c, [`exit ${res.code}: ${out.trimEnd()}`], failures);
}

export function evaluateCheck(c: Check, runner: CommandRunner): CheckResult {
  return c.kind === 'command' ? evaluateCommand(c, runner) : evaluateState(c, runner);
}
