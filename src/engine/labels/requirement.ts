// Label requirements and selectors: construction with validation, fast matching, canonical strings.
// mirrors k8s.io/apimachinery/pkg/labels/selector.go NewRequirement, Requirement.Matches/String, internalSelector.
import type { Requirement, Selector, SelectorOperator } from './types';
import { goQuote, invalidError, isQualifiedName, isValidLabelValue } from './validation';

type Labels = Readonly<Record<string, string>> | undefined;
type Matcher = (labels: Labels) => boolean;

const int64Re = /^[+-]?[0-9]+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** mirrors strconv.ParseInt(s, 10, 64): undefined when not a valid int64 */
export function parseInt64(s: string): bigint | undefined {
  if (!int64Re.test(s)) return undefined;
  const v = BigInt(s);
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}

function goStringSlice(vals: readonly string[]): string {
  return vals.length === 0 ? '[]string(nil)' : `[]string{${vals.map(goQuote).join(', ')}}`;
}

/** mirrors labels.validateLabelKey */
export function validateLabelKey(key: string, path: string | null): string | undefined {
  const errs = isQualifiedName(key);
  return errs.length === 0 ? undefined : invalidError(path, goQuote(key), errs.join('; '));
}

/** mirrors field.ErrorList.ToAggregate().Error(): one message, or "[a, b]" (deduplicated) */
function aggregate(errs: string[]): string | undefined {
  const uniq = [...new Set(errs)];
  if (uniq.length === 0) return undefined;
  return uniq.length === 1 ? uniq[0] : `[${uniq.join(', ')}]`;
}

/** mirrors labels.NewRequirement; `path` is the field path prefix (null = none). Throws Error. */
export function newRequirement(
  key: string,
  operator: SelectorOperator,
  values: readonly string[],
  path: string | null = null,
): Requirement {
  const errs: string[] = [];
  const child = (c: string): string => (path === null ? c : `${path}.${c}`);
  const keyErr = validateLabelKey(key, child('key'));
  if (keyErr !== undefined) errs.push(keyErr);
  const vp = child('values');
  switch (operator) {
    case 'in':
    case 'notin':
      if (values.length === 0) {
        errs.push(
          invalidError(vp, goStringSlice(values), "for 'in', 'notin' operators, values set can't be empty"),
        );
      }
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1) {
        errs.push(
          invalidError(vp, goStringSlice(values), 'exact-match compatibility requires one single value'),
        );
      }
      break;
    case 'exists':
    case '!':
      if (values.length !== 0) {
        errs.push(
          invalidError(vp, goStringSlice(values), 'values set must be empty for exists and does not exist'),
        );
      }
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1) {
        errs.push(
          invalidError(vp, goStringSlice(values), "for 'Gt', 'Lt' operators, exactly one value is required"),
        );
      }
      values.forEach((v, i) => {
        if (parseInt64(v) === undefined) {
          errs.push(
            invalidError(`${vp}[${i}]`, goQuote(v), "for 'Gt', 'Lt' operators, the value must be an integer"),
          );
        }
      });
      break;
  }
  values.forEach((v, i) => {
    const ve = isValidLabelValue(v);
    if (ve.length > 0) errs.push(invalidError(`${vp}[${i}][${key}]`, goQuote(v), ve.join('; ')));
  });
  const msg = aggregate(errs);
  if (msg !== undefined) throw new Error(msg);
  return { key, operator, values: [...values].sort(compareStrings) };
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lookup(labels: Labels, key: string): string | undefined {
  if (labels === undefined) return undefined;
  const v: unknown = labels[key];
  // only string values count; what a plain object inherits (toString, constructor, __proto__) is never a string, so
  // no own-property check is needed (this runs for every pod a selector is matched against)
  return typeof v === 'string' ? v : undefined;
}

function hasValue(values: readonly string[]): (v: string) => boolean {
  if (values.length === 1) {
    const only = values[0];
    return (v) => v === only;
  }
  if (values.length <= 4) return (v) => values.includes(v);
  const set = new Set(values);
  return (v) => set.has(v);
}

/** pre-computes a matcher for one requirement; mirrors Requirement.Matches */
function compileRequirement(r: Requirement): Matcher {
  const { key } = r;
  switch (r.operator) {
    case 'in':
    case '=':
    case '==': {
      const has = hasValue(r.values);
      return (ls) => {
        const v = lookup(ls, key);
        return v !== undefined && has(v);
      };
    }
    case 'notin':
    case '!=': {
      const has = hasValue(r.values);
      return (ls) => {
        const v = lookup(ls, key);
        return v === undefined || !has(v);
      };
    }
    case 'exists':
      return (ls) => lookup(ls, key) !== undefined;
    case '!':
      return (ls) => lookup(ls, key) === undefined;
    case 'gt':
    case 'lt': {
      const bound = r.values.length === 1 ? parseInt64(r.values[0] ?? '') : undefined;
      if (bound === undefined) return () => false;
      const gt = r.operator === 'gt';
      return (ls) => {
        const v = lookup(ls, key);
        const n = v === undefined ? undefined : parseInt64(v);
        if (n === undefined) return false;
        return gt ? n > bound : n < bound;
      };
    }
  }
}

/** mirrors Requirement.String */
export function requirementString(r: Requirement): string {
  const vals = r.values.length === 1 ? (r.values[0] ?? '') : [...r.values].sort(compareStrings).join(',');
  switch (r.operator) {
    case 'exists':
      return r.key;
    case '!':
      return `!${r.key}`;
    case 'in':
      return `${r.key} in (${vals})`;
    case 'notin':
      return `${r.key} notin (${vals})`;
    case 'gt':
      return `${r.key}>${vals}`;
    case 'lt':
      return `${r.key}<${vals}`;
    default:
      return `${r.key}${r.operator}${vals}`;
  }
}

/** builds a selector from requirements, sorted (stably) by key as labels.internalSelector.Add does */
export function selectorFromRequirements(reqs: readonly Requirement[]): Selector {
  const requirements = Object.freeze([...reqs].sort((a, b) => compareStrings(a.key, b.key)));
  const matchers = requirements.map(compileRequirement);
  const n = matchers.length;
  let text: string | undefined;
  return {
    requirements,
    matches(labels: Labels): boolean {
      for (let i = 0; i < n; i++) if (!(matchers[i] as Matcher)(labels)) return false;
      return true;
    },
    empty: () => n === 0,
    toString(): string {
      text ??= requirements.map(requirementString).join(',');
      return text;
    },
  };
}

const everythingSelector = selectorFromRequirements([]);
const nothingSelector: Selector = {
  requirements: Object.freeze([]),
  matches: () => false,
  empty: () => false,
  toString: () => '',
};

/** labels.Everything(): matches every label set */
export function everything(): Selector {
  return everythingSelector;
}

/** labels.Nothing(): matches no label set */
export function nothing(): Selector {
  return nothingSelector;
}

/** mirrors labels.MatchesNothing */
export function matchesNothing(sel: Selector): boolean {
  return sel === nothingSelector;
}
