// Small typed readers for validating plain YAML values, collecting every issue with its path.
export type Path = readonly (string | number)[];

export interface RawIssue {
  path: Path;
  message: string;
  /** point at the mapping key (unknown fields) rather than the value */
  atKey?: boolean;
}

export function formatPath(path: Path): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out === '' ? '(root)' : out;
}

function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'mapping';
  return typeof v;
}

export class FieldReader {
  readonly issues: RawIssue[] = [];

  fail(path: Path, message: string, atKey = false): undefined {
    this.issues.push({ path, message, atKey });
    return undefined;
  }

  /** a mapping with only `allowed` keys and every `required` key present */
  mapping(
    v: unknown,
    path: Path,
    allowed: readonly string[],
    required: readonly string[] = [],
  ): Record<string, unknown> | undefined {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return this.fail(path, `expected a mapping, got ${typeName(v)}`);
    const rec = v as Record<string, unknown>;
    for (const k of Object.keys(rec)) {
      if (!allowed.includes(k))
        this.fail([...path, k], `unknown field "${k}" (expected one of: ${allowed.join(', ')})`, true);
    }
    for (const k of required) {
      if (rec[k] === undefined || rec[k] === null) this.fail(path, `missing required field "${k}"`);
    }
    return rec;
  }

  string(v: unknown, path: Path, opts: { optional?: boolean; nonEmpty?: boolean } = {}): string | undefined {
    if (v === undefined && opts.optional) return undefined;
    if (typeof v !== 'string') return this.fail(path, `expected a string, got ${typeName(v)}`);
    if (opts.nonEmpty !== false && v.trim() === '') return this.fail(path, 'must not be empty');
    return v;
  }

  integer(v: unknown, path: Path, min = 0): number | undefined {
    if (typeof v !== 'number' || !Number.isInteger(v))
      return this.fail(path, `expected an integer, got ${typeName(v)}`);
    if (v < min) return this.fail(path, `must be at least ${min}, got ${v}`);
    return v;
  }

  number(v: unknown, path: Path): number | undefined {
    if (typeof v !== 'number' || !Number.isFinite(v))
      return this.fail(path, `expected a number, got ${typeName(v)}`);
    return v;
  }

  boolean(v: unknown, path: Path): boolean | undefined {
    if (typeof v !== 'boolean') return this.fail(path, `expected true or false, got ${typeName(v)}`);
    return v;
  }

  list(v: unknown, path: Path): unknown[] | undefined {
    if (!Array.isArray(v)) return this.fail(path, `expected a list, got ${typeName(v)}`);
    return v;
  }

  /** a string or a list of strings, as a list */
  strings(v: unknown, path: Path): string[] | undefined {
    if (typeof v === 'string') return [v];
    const items = this.list(v, path);
    if (!items) return undefined;
    const out: string[] = [];
    items.forEach((s, i) => {
      const r = this.string(s, [...path, i]);
      if (r !== undefined) out.push(r);
    });
    return out;
  }

  regex(v: unknown, path: Path): string | undefined {
    const s = this.string(v, path);
    if (s === undefined) return undefined;
    try {
      new RegExp(s);
    } catch (e) {
      return this.fail(path, `invalid regular expression: ${(e as Error).message}`);
    }
    return s;
  }
}
