// Lexer for label selector strings.
// mirrors k8s.io/apimachinery/pkg/labels/selector.go Lexer (longest special-symbol match, keywords in/notin).

export enum Token {
  Error,
  EndOfString,
  ClosedPar,
  Comma,
  DoesNotExist,
  DoubleEquals,
  Equals,
  GreaterThan,
  Identifier,
  In,
  LessThan,
  NotEquals,
  NotIn,
  OpenPar,
}

export interface ScannedItem {
  tok: Token;
  literal: string;
}

const string2token: ReadonlyMap<string, Token> = new Map([
  [')', Token.ClosedPar],
  [',', Token.Comma],
  ['!', Token.DoesNotExist],
  ['==', Token.DoubleEquals],
  ['=', Token.Equals],
  ['>', Token.GreaterThan],
  ['in', Token.In],
  ['<', Token.LessThan],
  ['!=', Token.NotEquals],
  ['notin', Token.NotIn],
  ['(', Token.OpenPar],
]);

const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecialSymbol = (ch: string): boolean =>
  ch === '=' || ch === '!' || ch === '(' || ch === ')' || ch === ',' || ch === '>' || ch === '<';

/** tokenizes the whole string (ending with EndOfString), as Parser.scan does */
export function scanSelector(s: string): ScannedItem[] {
  const items: ScannedItem[] = [];
  let pos = 0;
  const n = s.length;
  for (;;) {
    while (pos < n && isWhitespace(s[pos] as string)) pos++;
    if (pos >= n) {
      items.push({ tok: Token.EndOfString, literal: '' });
      return items;
    }
    const ch = s[pos] as string;
    if (isSpecialSymbol(ch)) {
      // longest valid token made of special symbols
      let buffer = '';
      let last: ScannedItem | undefined;
      while (pos < n && isSpecialSymbol(s[pos] as string)) {
        buffer += s[pos];
        const tok = string2token.get(buffer);
        if (tok !== undefined) last = { tok, literal: buffer };
        else if (last !== undefined) break;
        pos++;
      }
      items.push(last ?? { tok: Token.Error, literal: `error expected: keyword found '${buffer}'` });
    } else {
      const start = pos;
      while (pos < n && !isSpecialSymbol(s[pos] as string) && !isWhitespace(s[pos] as string)) pos++;
      const lit = s.slice(start, pos);
      items.push({ tok: string2token.get(lit) ?? Token.Identifier, literal: lit });
    }
  }
}
