// The aggregator's set of distinct messages per aggregate key (events_cache.go aggregateRecord.localKeys): most
// records only ever see one message, so one string stands in for the Set until a second distinct message arrives.

export class MessageSet {
  private one: string | undefined;
  private many: Set<string> | undefined;

  get size(): number {
    if (this.many !== undefined) return this.many.size;
    return this.one === undefined ? 0 : 1;
  }

  add(message: string): void {
    if (this.many !== undefined) this.many.add(message);
    else if (this.one === undefined) this.one = message;
    else if (this.one !== message) {
      this.many = new Set([this.one, message]);
      this.one = undefined;
    }
  }

  delete(message: string): void {
    if (this.many !== undefined) this.many.delete(message);
    else if (this.one === message) this.one = undefined;
  }

  /** the messages in insertion order (for tests) */
  values(): string[] {
    if (this.many !== undefined) return [...this.many];
    return this.one === undefined ? [] : [this.one];
  }
}
