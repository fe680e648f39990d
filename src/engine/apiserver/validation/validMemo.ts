// A bounded memo of the strings a pure string check found valid: names, label keys and values repeat across requests
// (every pod of a ReplicaSet carries the same labels), so their regexes need not run again. Invalid strings are
// never remembered, so their messages always come from the check itself.

export const VALID_MEMO_LIMIT = 4096;

export class ValidMemo {
  private readonly valid = new Set<string>();

  constructor(
    private readonly check: (value: string) => string[],
    private readonly limit = VALID_MEMO_LIMIT,
  ) {}

  /** the check's messages for value (empty when valid) */
  run = (value: string): string[] => {
    if (this.valid.has(value)) return [];
    const errs = this.check(value);
    if (errs.length === 0) this.remember(value);
    return errs;
  };

  /** whether value is known to be valid (false only means "not remembered") */
  known(value: string): boolean {
    return this.valid.has(value);
  }

  /** whether value is valid, running the check when it is not remembered */
  isValid(value: string): boolean {
    return this.valid.has(value) || this.run(value).length === 0;
  }

  private remember(value: string): void {
    // clearing when full keeps memory bounded; the next requests refill it with the strings in use
    if (this.valid.size >= this.limit) this.valid.clear();
    this.valid.add(value);
  }
}
