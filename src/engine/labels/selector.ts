// Label selector parsing (kubectl -l, ?labelSelector=) and construction from sets and LabelSelector objects.
// mirrors k8s.io/apimachinery/pkg/labels/selector.go Parse and metav1.LabelSelectorAsSelector.
import type { Requirement, Selector, SelectorOperator } from './types';
import {
  newRequirement,
  selectorFromRequirements,
  everything,
  nothing,
  validateLabelKey,
} from './requirement';
import { scanSelector, Token, type ScannedItem } from './selectorLexer';

export { everything, nothing, matchesNothing } from './requirement';

const binaryOperators = 'in, notin, =, ==, !=, gt, lt';

/** recursive-descent parser over pre-scanned tokens; mirrors labels.Parser */
class Parser {
  private position = 0;
  constructor(private readonly items: ScannedItem[]) {}

  /** 'in'/'notin' read as identifiers in the Values context */
  private tokenAt(i: number, values: boolean): [Token, string] {
    const item = this.items[Math.min(i, this.items.length - 1)] as ScannedItem;
    const tok = values && (item.tok === Token.In || item.tok === Token.NotIn) ? Token.Identifier : item.tok;
    return [tok, item.literal];
  }
  lookahead(values = true): [Token, string] {
    return this.tokenAt(this.position, values);
  }
  consume(values = true): [Token, string] {
    return this.tokenAt(this.position++, values);
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const [tok, lit] = this.lookahead();
      if (tok === Token.EndOfString) return reqs;
      if (tok !== Token.Identifier && tok !== Token.DoesNotExist) {
        throw new Error(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
      try {
        reqs.push(this.parseRequirement());
      } catch (e) {
        throw new Error(`unable to parse requirement: ${(e as Error).message}`, { cause: e });
      }
      const [t, l] = this.consume();
      if (t === Token.EndOfString) return reqs;
      if (t !== Token.Comma) throw new Error(`found '${l}', expected: ',' or 'end of string'`);
      const [t2, l2] = this.lookahead();
      if (t2 !== Token.Identifier && t2 !== Token.DoesNotExist) {
        throw new Error(`found '${l2}', expected: identifier after ','`);
      }
    }
  }

  private parseRequirement(): Requirement {
    let [tok, literal] = this.consume();
    let operator: SelectorOperator | undefined;
    if (tok === Token.DoesNotExist) {
      operator = '!';
      [tok, literal] = this.consume();
    }
    if (tok !== Token.Identifier) throw new Error(`found '${literal}', expected: identifier`);
    const keyErr = validateLabelKey(literal, null);
    if (keyErr !== undefined) throw new Error(keyErr);
    const [next] = this.lookahead();
    if (next === Token.EndOfString || next === Token.Comma) operator ??= 'exists';
    if (operator === 'exists' || operator === '!') return newRequirement(literal, operator, []);
    const op = this.parseOperator();
    const values = op === 'in' || op === 'notin' ? this.parseValues() : this.parseExactValue();
    return newRequirement(literal, op, [...values].sort());
  }

  private parseOperator(): SelectorOperator {
    const [tok, lit] = this.consume(false);
    switch (tok) {
      case Token.In:
        return 'in';
      case Token.Equals:
        return '=';
      case Token.DoubleEquals:
        return '==';
      case Token.GreaterThan:
        return 'gt';
      case Token.LessThan:
        return 'lt';
      case Token.NotIn:
        return 'notin';
      case Token.NotEquals:
        return '!=';
      default:
        throw new Error(`found '${lit}', expected: ${binaryOperators}`);
    }
  }

  private parseValues(): Set<string> {
    let [tok, lit] = this.consume();
    if (tok !== Token.OpenPar) throw new Error(`found '${lit}' expected: '('`);
    [tok, lit] = this.lookahead();
    if (tok === Token.Identifier || tok === Token.Comma) {
      const s = this.parseIdentifiersList();
      if (this.consume()[0] !== Token.ClosedPar) throw new Error(`found '${lit}', expected: ')'`);
      return s;
    }
    if (tok === Token.ClosedPar) {
      this.consume();
      return new Set(['']);
    }
    throw new Error(`found '${lit}', expected: ',', ')' or identifier`);
  }

  private parseIdentifiersList(): Set<string> {
    const s = new Set<string>();
    for (;;) {
      const [tok, lit] = this.consume();
      if (tok === Token.Identifier) {
        s.add(lit);
        const [tok2, lit2] = this.lookahead();
        if (tok2 === Token.Comma) continue;
        if (tok2 === Token.ClosedPar) return s;
        throw new Error(`found '${lit2}', expected: ',' or ')'`);
      } else if (tok === Token.Comma) {
        if (s.size === 0) s.add(''); // "(,"
        const [tok2] = this.lookahead();
        if (tok2 === Token.ClosedPar) {
          s.add(''); // ",)"
          return s;
        }
        if (tok2 === Token.Comma) s.add(''); // ",,"
      } else {
        throw new Error(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  private parseExactValue(): Set<string> {
    const [tok] = this.lookahead();
    if (tok === Token.EndOfString || tok === Token.Comma) return new Set(['']);
    const [t, lit] = this.consume();
    if (t === Token.Identifier) return new Set([lit]);
    throw new Error(`found '${lit}', expected: identifier`);
  }
}

/** Parses a label selector string (mirrors labels.Parse). '' selects everything. Throws Error with apimachinery's text. */
export function parseSelector(s: string): Selector {
  const reqs = new Parser(scanSelector(s)).parse();
  return reqs.length === 0 ? everything() : selectorFromRequirements(reqs);
}

/** mirrors labels.SelectorFromSet: key=value for each entry, no validation; empty/undefined = everything */
export function selectorFromSet(labels: Readonly<Record<string, string>> | undefined | null): Selector {
  if (labels === undefined || labels === null) return everything();
  const keys = Object.keys(labels);
  if (keys.length === 0) return everything();
  return selectorFromRequirements(
    keys.map((key) => ({ key, operator: '=' as const, values: [labels[key] as string] })),
  );
}

export interface LabelSelectorRequirementLike {
  key: string;
  operator: string;
  values?: readonly string[] | null;
}
export interface LabelSelectorLike {
  matchLabels?: Readonly<Record<string, string>> | null;
  matchExpressions?: readonly LabelSelectorRequirementLike[] | null;
}

const labelSelectorOps: Readonly<Record<string, SelectorOperator>> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

/** mirrors metav1.LabelSelectorAsSelector: null/undefined = Nothing, empty = Everything; throws on bad input */
export function selectorFromLabelSelector(ls: LabelSelectorLike | undefined | null): Selector {
  if (ls === undefined || ls === null) return nothing();
  const matchLabels = ls.matchLabels ?? {};
  const exprs = ls.matchExpressions ?? [];
  const labelKeys = Object.keys(matchLabels);
  if (labelKeys.length + exprs.length === 0) return everything();
  const reqs: Requirement[] = labelKeys.map((k) => newRequirement(k, '=', [matchLabels[k] as string]));
  for (const expr of exprs) {
    const op = Object.prototype.hasOwnProperty.call(labelSelectorOps, expr.operator)
      ? labelSelectorOps[expr.operator]
      : undefined;
    if (op === undefined)
      throw new Error(`${JSON.stringify(expr.operator)} is not a valid label selector operator`);
    reqs.push(newRequirement(expr.key, op, expr.values ?? []));
  }
  return selectorFromRequirements(reqs);
}
