// Scenario schema: turns a plain parsed YAML value into a typed Scenario, collecting every issue with its path.
import type { CniName, NodeSpec } from '../cluster/types';
import { DurationError, parseDuration } from '../commands/duration';
import type { Check, Matcher, RunItem, ScenarioCluster, ScenarioStep } from './types';
import type { Path } from './fields';
import { FieldReader } from './fields';

export const CNI_NAMES: readonly CniName[] = ['flannel', 'calico', 'cilium', 'antrea', 'weave'];
const MATCHER_KEYS = ['equals', 'atLeast', 'atMost', 'matches', 'exists'] as const;
const CHECK_COMMON = ['describe', 'hint'];

/** the validated scenario without its file name, or undefined when `r` has issues */
export interface ScenarioBody {
  title: string;
  description: string;
  cluster: ScenarioCluster;
  steps: ScenarioStep[];
}

export function validateScenario(v: unknown, r: FieldReader): ScenarioBody | undefined {
  const root = r.mapping(v, [], ['title', 'description', 'cluster', 'steps'], ['title', 'steps']);
  if (!root) return undefined;
  const title = r.string(root.title, ['title']);
  const description = r.string(root.description ?? '', ['description'], { nonEmpty: false });
  const cluster = root.cluster === undefined ? { seed: 1 } : readCluster(root.cluster, r);
  const rawSteps = root.steps === undefined ? undefined : r.list(root.steps, ['steps']);
  if (rawSteps && rawSteps.length === 0) r.fail(['steps'], 'a scenario needs at least one step');
  const steps = (rawSteps ?? []).map((s, i) => readStep(s, ['steps', i], r));
  if (r.issues.length > 0 || title === undefined || description === undefined || !cluster) return undefined;
  return { title, description, cluster, steps: steps as ScenarioStep[] };
}

function readCluster(v: unknown, r: FieldReader): ScenarioCluster | undefined {
  const m = r.mapping(v, ['cluster'], ['seed', 'nodes', 'cni']);
  if (!m) return undefined;
  const out: ScenarioCluster = {
    seed: m.seed === undefined ? 1 : (r.integer(m.seed, ['cluster', 'seed']) ?? 1),
  };
  if (m.nodes !== undefined) {
    if (typeof m.nodes === 'number') out.nodes = r.integer(m.nodes, ['cluster', 'nodes'], 1);
    else if (r.list(m.nodes, ['cluster', 'nodes'])) out.nodes = readNodes(m.nodes as unknown[], r);
  }
  if (m.cni !== undefined) {
    if (typeof m.cni === 'string' && (CNI_NAMES as readonly string[]).includes(m.cni))
      out.cni = m.cni as CniName;
    else
      r.fail(
        ['cluster', 'cni'],
        `unsupported value ${JSON.stringify(m.cni)} (expected one of: ${CNI_NAMES.join(', ')})`,
      );
  }
  return out;
}

function readNodes(items: unknown[], r: FieldReader): NodeSpec[] {
  return items.map((n, i) => {
    const path = ['cluster', 'nodes', i];
    const m = r.mapping(n, path, ['name', 'cpu', 'memory', 'pods', 'zone', 'labels', 'taints'], ['name']);
    // the cluster's own validation reports bad quantities or taints when the scenario starts
    return (m ?? { name: '' }) as unknown as NodeSpec;
  });
}

function readStep(v: unknown, path: Path, r: FieldReader): ScenarioStep | undefined {
  const m = r.mapping(v, path, ['title', 'text', 'run', 'advance', 'settle', 'checks'], ['title']);
  if (!m) return undefined;
  const title = r.string(m.title, [...path, 'title']) ?? '';
  const text = r.string(m.text ?? '', [...path, 'text'], { nonEmpty: false }) ?? '';
  const runItems = m.run === undefined ? [] : (r.list(m.run, [...path, 'run']) ?? []);
  const run = runItems.map((x, i) => readRunItem(x, [...path, 'run', i], r)).filter((x) => x !== undefined);
  const step: ScenarioStep = { title, text, run, settle: false, checks: [] };
  if (m.advance !== undefined) {
    const a = r.string(m.advance, [...path, 'advance']);
    if (a !== undefined) {
      try {
        parseDuration(a);
        step.advance = a;
      } catch (e) {
        if (!(e instanceof DurationError)) throw e;
        r.fail([...path, 'advance'], `invalid duration "${a}": ${e.message}`);
      }
    }
  }
  if (m.settle !== undefined) step.settle = r.boolean(m.settle, [...path, 'settle']) ?? false;
  const checks = m.checks === undefined ? [] : (r.list(m.checks, [...path, 'checks']) ?? []);
  step.checks = checks.map((c, i) => readCheck(c, [...path, 'checks', i], r)).filter((c) => c !== undefined);
  return step;
}

function readRunItem(v: unknown, path: Path, r: FieldReader): RunItem | undefined {
  if (typeof v === 'string')
    return r.string(v, path) === undefined ? undefined : { command: v, expectCode: 0 };
  const m = r.mapping(v, path, ['command', 'stdin', 'expectCode'], ['command']);
  if (!m) return undefined;
  const command = r.string(m.command, [...path, 'command']);
  const stdin = r.string(m.stdin, [...path, 'stdin'], { optional: true, nonEmpty: false });
  const code = m.expectCode === undefined ? 0 : r.integer(m.expectCode, [...path, 'expectCode']);
  if (command === undefined || code === undefined) return undefined;
  return stdin === undefined ? { command, expectCode: code } : { command, stdin, expectCode: code };
}

function readCheck(v: unknown, path: Path, r: FieldReader): Check | undefined {
  const probe =
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const kind =
    'get' in probe ? 'object' : 'list' in probe ? 'list' : 'command' in probe ? 'command' : undefined;
  if (!kind) {
    if (r.mapping(v, path, [...CHECK_COMMON, 'get', 'list', 'command'])) {
      r.fail(path, 'a check needs one of "get" (one object), "list" (a list of objects) or "command"');
    }
    return undefined;
  }
  const fields: Record<typeof kind, string[]> = {
    object: ['get', 'namespace', 'expect'],
    list: ['list', 'selector', 'fieldSelector', 'namespace', 'expect'],
    command: ['command', 'stdin', 'expectOutput'],
  };
  const required = kind === 'command' ? ['expectOutput'] : ['expect'];
  const m = r.mapping(v, path, [...CHECK_COMMON, ...fields[kind]], ['describe', ...required]);
  if (!m) return undefined;
  const p = (k: string): Path => [...path, k];
  const describe = r.string(m.describe, p('describe')) ?? '';
  const hint = r.string(m.hint, p('hint'), { optional: true });
  const base = hint === undefined ? { describe } : { describe, hint };
  const opt = (k: string): string | undefined => r.string(m[k], p(k), { optional: true });
  if (kind === 'command') {
    const out = readExpectOutput(m.expectOutput, p('expectOutput'), r);
    const stdin = r.string(m.stdin, p('stdin'), { optional: true, nonEmpty: false });
    const c: Check = { kind, ...base, command: r.string(m.command, p('command')) ?? '', expectOutput: out };
    if (stdin !== undefined) c.stdin = stdin;
    return c;
  }
  const expect = readExpect(m.expect, p('expect'), kind === 'list', r);
  const namespace = opt('namespace');
  const ns = namespace === undefined ? {} : { namespace };
  if (kind === 'object') return { kind, ...base, ...ns, get: r.string(m.get, p('get')) ?? '', expect };
  const selector = opt('selector');
  const fieldSelector = opt('fieldSelector');
  return {
    kind,
    ...base,
    ...ns,
    list: r.string(m.list, p('list')) ?? '',
    ...(selector === undefined ? {} : { selector }),
    ...(fieldSelector === undefined ? {} : { fieldSelector }),
    expect,
  };
}

function readExpectOutput(v: unknown, path: Path, r: FieldReader): CommandCheck['expectOutput'] {
  const m = r.mapping(v, path, ['contains', 'notContains', 'matches', 'code']) ?? {};
  const out: CommandCheck['expectOutput'] = {};
  if (m.contains !== undefined) out.contains = r.strings(m.contains, [...path, 'contains']);
  if (m.notContains !== undefined) out.notContains = r.strings(m.notContains, [...path, 'notContains']);
  if (m.matches !== undefined) out.matches = r.regex(m.matches, [...path, 'matches']);
  if (m.code !== undefined) out.code = r.integer(m.code, [...path, 'code']);
  return out;
}

type CommandCheck = Extract<Check, { kind: 'command' }>;

function readExpect(v: unknown, path: Path, isList: boolean, r: FieldReader): Record<string, Matcher> {
  const out: Record<string, Matcher> = {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    r.fail(path, 'expected a mapping of dotted paths to expected values');
    return out;
  }
  const m = v as Record<string, unknown>;
  if (Object.keys(m).length === 0) r.fail(path, 'expect needs at least one path to check');
  for (const [key, raw] of Object.entries(m)) {
    if (key === 'count' && !isList) {
      r.fail([...path, key], '"count" only applies to list checks (use "list:" instead of "get:")', true);
    }
    out[key] = readMatcher(raw, [...path, key], r);
  }
  return out;
}

function readMatcher(v: unknown, path: Path, r: FieldReader): Matcher {
  const isMatcherObject =
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.keys(v).some((k) => MATCHER_KEYS.includes(k as never));
  if (!isMatcherObject) return { equals: v };
  const m = r.mapping(v, path, MATCHER_KEYS) ?? {};
  const out: Matcher = {};
  if ('equals' in m) out.equals = m.equals;
  if (m.atLeast !== undefined) out.atLeast = r.number(m.atLeast, [...path, 'atLeast']);
  if (m.atMost !== undefined) out.atMost = r.number(m.atMost, [...path, 'atMost']);
  if (m.matches !== undefined) out.matches = r.regex(m.matches, [...path, 'matches']);
  if (m.exists !== undefined) out.exists = r.boolean(m.exists, [...path, 'exists']);
  return out;
}
