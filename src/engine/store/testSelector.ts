// Test helper: a minimal label Selector (=, ==, !=, in, notin, exists, !) so store tests do not depend on the
// selector parser in src/engine/labels.
import type { Requirement, Selector, SelectorOperator } from '../labels/types';

function matchesOne(r: Requirement, labels: Readonly<Record<string, string>> | undefined): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = has ? labels?.[r.key] : undefined;
  switch (r.operator) {
    case '=':
    case '==':
    case 'in':
      return has && r.values.includes(v as string);
    case '!=':
    case 'notin':
      return !has || !r.values.includes(v as string);
    case 'exists':
      return has;
    case '!':
      return !has;
    default:
      return false;
  }
}

export function testSelector(...reqs: [key: string, op: SelectorOperator, values?: string[]][]): Selector {
  const requirements: Requirement[] = reqs.map(([key, operator, values]) => ({
    key,
    operator,
    values: [...(values ?? [])].sort(),
  }));
  return {
    requirements,
    matches: (labels) => requirements.every((r) => matchesOne(r, labels)),
    empty: () => requirements.length === 0,
    toString: () => requirements.map((r) => `${r.key}${r.operator}${r.values.join(',')}`).join(','),
  };
}
