// Field selectors (kubectl --field-selector, ?fieldSelector=): parsing with backslash escaping and matching.
// mirrors k8s.io/apimachinery/pkg/fields/selector.go ParseSelector, splitTerms, splitTerm, UnescapeValue, EscapeValue.
import type { FieldRequirement, FieldSelector } from './types';

const termOperators = ['!=', '==', '='] as const;

/** splits on commas not preceded by a backslash escape (the backslash is kept); mirrors fields.splitTerms */
function splitTerms(s: string): string[] {
  if (s.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(s.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(s.slice(start));
  return terms;
}

/** first occurrence of a recognised operator splits the term; mirrors fields.splitTerm */
function splitTerm(term: string): [string, (typeof termOperators)[number], string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of termOperators) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

/** mirrors fields.UnescapeValue: \\ \, \= are escapes; bare , and = are errors */
export function unescapeFieldValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c === '\\' || c === ',' || c === '=') out += c;
      else throw new Error(`invalid field selector: invalid escape sequence: \\${c}`);
      inSlash = false;
    } else if (c === '\\') inSlash = true;
    else if (c === ',' || c === '=') {
      // Go prints the rune with %v, i.e. its code point number
      throw new Error(`invalid field selector: unescaped character in value: ${c.codePointAt(0) ?? 0}`);
    } else out += c;
  }
  if (inSlash) throw new Error('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** mirrors fields.EscapeValue */
export function escapeFieldValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => `\\${c}`);
}

function requirementString(r: FieldRequirement): string {
  return `${r.field}${r.operator === '!=' ? '!=' : '='}${escapeFieldValue(r.value)}`;
}

function makeFieldSelector(reqs: FieldRequirement[]): FieldSelector {
  const requirements = Object.freeze(reqs);
  return {
    requirements,
    empty: () => requirements.length === 0,
    toString: () => requirements.map(requirementString).join(','),
  };
}

/** Parses a field selector (mirrors fields.ParseSelector). '' selects everything. Throws Error with apimachinery's text. */
export function parseFieldSelector(selector: string): FieldSelector {
  const parts = splitTerms(selector).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const reqs: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const split = splitTerm(part);
    if (split === undefined) throw new Error(`invalid selector: '${selector}'; can't understand '${part}'`);
    const [field, op, rhs] = split;
    // == and = are the same requirement (selection.Equals), as hasTerm reports it
    reqs.push({ field, operator: op === '!=' ? '!=' : '=', value: unescapeFieldValue(rhs) });
  }
  return makeFieldSelector(reqs);
}

/** mirrors fields.SelectorFromSet: field=value for each entry */
export function fieldSelectorFromSet(set: Readonly<Record<string, string>>): FieldSelector {
  return makeFieldSelector(
    Object.keys(set).map((field) => ({ field, operator: '=' as const, value: set[field] as string })),
  );
}

/** true when every requirement holds; a missing field reads as '' (fields.Set.Get) */
export function matchesFields(sel: FieldSelector, fields: Readonly<Record<string, string>>): boolean {
  for (const r of sel.requirements) {
    const v = Object.prototype.hasOwnProperty.call(fields, r.field) ? (fields[r.field] ?? '') : '';
    if (r.operator === '!=' ? v === r.value : v !== r.value) return false;
  }
  return true;
}
