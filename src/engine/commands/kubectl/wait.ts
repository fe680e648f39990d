// `kubectl wait --for=condition=Available|delete|create|jsonpath='{.status.phase}'=Running TYPE/NAME --timeout=60s`:
// advances virtual time until the condition holds or the timeout passes. mirrors k8s.io/kubectl/pkg/cmd/wait/wait.go
// (conditionFuncFor, ConditionalWait.checkCondition, JSONPathWait) and condition.go.
import type { CommandResult, CommandSpec } from '../types';
import type { ClusterRuntime } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import { hasReason } from '../../apiserver/errors';
import { kindSlashName } from '../resourceName';
import { resolveTargets, resourceArg, type Target } from './writeTargets';
import { allFlag, durationFlag, errorLine, filenameFlag, namespaceFlag, selectorFlag } from './writeSupport';
import { WAIT_FOREVER_CAP_MS } from './waitCap';

/** a check on the live object (undefined when it does not exist) */
export type WaitCheck = (obj: KubeObject | undefined) => boolean;

interface Condition {
  type: string;
  status: string;
  observedGeneration?: number;
}

/** ConditionalWait.checkCondition: type and status compared case-insensitively; stale observedGeneration is not met */
export function conditionMet(obj: KubeObject | undefined, name: string, status: string): boolean {
  if (!obj) return false;
  const st = obj.status as { conditions?: Condition[]; observedGeneration?: number } | undefined;
  for (const c of st?.conditions ?? []) {
    if (typeof c.type !== 'string' || c.type.toLowerCase() !== name.toLowerCase()) continue;
    if (typeof c.status !== 'string') continue;
    const generation = obj.metadata.generation;
    const observed = c.observedGeneration ?? st?.observedGeneration;
    if (generation !== undefined && observed !== undefined && observed < generation) return false;
    return c.status.toLowerCase() === status.toLowerCase();
  }
  return false;
}

/** split a relaxed JSONPath (`{.a.b[0]['c.d']}` or `.a.b`) into keys; escaped `\.` stays inside a key */
export function jsonPathSegments(expr: string): (string | number)[] {
  let e = expr.trim();
  if (e.startsWith('{') && e.endsWith('}')) e = e.slice(1, -1);
  if (!e.startsWith('.') && !e.startsWith('['))
    throw new Error(
      `unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'`,
    );
  const out: (string | number)[] = [];
  let i = 0;
  while (i < e.length) {
    if (e[i] === '.') {
      i++;
      let key = '';
      while (i < e.length && e[i] !== '.' && e[i] !== '[') {
        if (e[i] === '\\' && e[i + 1] === '.') {
          key += '.';
          i += 2;
        } else key += e[i++];
      }
      if (key !== '') out.push(key);
    } else if (e[i] === '[') {
      const end = e.indexOf(']', i);
      if (end < 0) throw new Error(`unterminated array in ${expr}`);
      const inner = e.slice(i + 1, end).trim();
      const quoted = /^(['"])(.*)\1$/.exec(inner);
      if (quoted) out.push(quoted[2] ?? '');
      else if (/^-?\d+$/.test(inner)) out.push(Number(inner));
      else throw new Error(`unsupported JSONPath index [${inner}] in ${expr}`);
      i = end + 1;
    } else {
      throw new Error(`invalid JSONPath ${expr}`);
    }
  }
  return out;
}

/** the value at the path, or undefined */
export function jsonPathValue(obj: unknown, segs: readonly (string | number)[]): unknown {
  let cur: unknown = obj;
  for (const s of segs) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (typeof s === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[s < 0 ? cur.length + s : s];
    } else {
      if (Array.isArray(cur) || !Object.prototype.hasOwnProperty.call(cur, s)) return undefined;
      cur = (cur as Record<string, unknown>)[s];
    }
  }
  return cur;
}

const asText = (v: unknown): string => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

/** conditionFuncFor: parse the --for value into a check and whether a missing object is the goal */
export function parseFor(spec: string): { check: WaitCheck; forDelete: boolean } {
  const lower = spec.toLowerCase();
  if (lower === 'delete') return { check: (o) => o === undefined, forDelete: true };
  if (lower === 'create') return { check: (o) => o !== undefined, forDelete: false };
  if (lower.startsWith('condition=')) {
    const rest = spec.slice('condition='.length);
    const i = rest.indexOf('=');
    const name = i < 0 ? rest : rest.slice(0, i);
    const status = i < 0 ? 'true' : rest.slice(i + 1);
    return { check: (o) => conditionMet(o, name, status), forDelete: false };
  }
  if (lower.startsWith('jsonpath=')) {
    const rest = spec.slice('jsonpath='.length);
    // the value follows the first `=` after the closing brace (or the path, when unbraced)
    const close = rest.lastIndexOf('}');
    const eq = rest.indexOf('=', close < 0 ? 0 : close);
    const path = eq < 0 ? rest : rest.slice(0, eq);
    const want = eq < 0 ? undefined : rest.slice(eq + 1);
    if (path.trim() === '' || path.trim() === '{}') throw new Error('jsonpath expression cannot be empty');
    const segs = jsonPathSegments(path);
    return {
      check: (o) => {
        if (!o) return false;
        const v = jsonPathValue(o, segs);
        if (v === undefined) return false;
        return want === undefined ? true : asText(v) === want;
      },
      forDelete: false,
    };
  }
  throw new Error(`unrecognized condition: "${spec}"`);
}

function readObject(rt: ClusterRuntime, t: Target): KubeObject | undefined {
  try {
    return rt.api.get(resourceArg(t.info), t.namespace, t.name);
  } catch (e) {
    if (hasReason(e, 'NotFound')) return undefined;
    throw e;
  }
}

/** wait for one object; the line to print, or an Error */
function waitOne(
  rt: ClusterRuntime,
  t: Target,
  check: WaitCheck,
  forDelete: boolean,
  timeoutMs: number,
): string {
  const first = readObject(rt, t);
  const uid = first?.metadata.uid;
  // for delete, a new object with the same name but another uid counts as gone
  const holds = () => {
    const o = readObject(rt, t);
    return check(forDelete && o && uid && o.metadata.uid !== uid ? undefined : o);
  };
  const met = holds() || (timeoutMs > 0 && rt.sim.runUntil(holds, timeoutMs));
  if (!met) throw new Error(`timed out waiting for the condition on ${t.info.plural}/${t.name}`);
  return `${kindSlashName(t.info, t.name)} condition met\n`;
}

export const waitCommand: CommandSpec = {
  path: ['wait'],
  summary: 'Wait for a specific condition on one or many resources',
  flags: [
    filenameFlag,
    namespaceFlag,
    selectorFlag,
    allFlag,
    { name: 'for', type: 'string' },
    { name: 'timeout', type: 'string', default: '30s' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run(args, ctx): CommandResult {
    const spec = args.string('for');
    if (!spec) throw new Error('--for must be specified');
    const { check, forDelete } = parseFor(spec);
    let timeoutMs = durationFlag(args, 'timeout', 30_000);
    // a negative timeout means "a week" in kubectl; kubesim caps how long it simulates
    if (timeoutMs < 0) timeoutMs = WAIT_FOREVER_CAP_MS;
    const targets = resolveTargets(ctx.rt, args, { stdin: ctx.stdin, verb: 'wait' });
    if (targets.length === 0) throw new Error('no matching resources found');
    const out: string[] = [];
    const errors: string[] = [];
    for (const t of targets) {
      try {
        if (
          !forDelete &&
          !readObject(ctx.rt, t) &&
          !check(undefined) &&
          !spec.toLowerCase().startsWith('create')
        ) {
          // a named object that does not exist is an error right away (wait.go uses a NotFound from the server)
          ctx.rt.api.get(resourceArg(t.info), t.namespace, t.name);
        }
        out.push(waitOne(ctx.rt, t, check, forDelete, timeoutMs));
      } catch (e) {
        errors.push(errorLine(e));
      }
    }
    return {
      code: errors.length > 0 ? 1 : 0,
      stdout: out.join(''),
      stderr: errors.map((l) => `${l}\n`).join(''),
    };
  },
};
