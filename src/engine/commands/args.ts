// Command-line parsing for `kubectl ...` and `sim ...`: shell-like tokenizing and pflag-style flags.
// Flag errors use kubectl's (cobra/pflag's) own words.

export type FlagType = 'string' | 'bool' | 'int' | 'stringArray' | 'duration';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  default?: string | boolean | number;
  help?: string;
}

export class ArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgsError';
  }
}

/** Split a command line like a POSIX shell: quotes, backslash escapes; no expansion. */
export function tokenize(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inToken = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new ArgsError('error: unterminated single quote in command line');
      cur += line.slice(i + 1, end);
      inToken = true;
      i = end + 1;
    } else if (c === '"') {
      i++;
      let closed = false;
      while (i < line.length) {
        const d = line[i] as string;
        if (d === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1] as string)) {
          cur += line[i + 1];
          i += 2;
        } else if (d === '"') {
          closed = true;
          i++;
          break;
        } else {
          cur += d;
          i++;
        }
      }
      if (!closed) throw new ArgsError('error: unterminated double quote in command line');
      inToken = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[i + 1];
      inToken = true;
      i += 2;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inToken) out.push(cur);
      cur = '';
      inToken = false;
      i++;
    } else {
      cur += c;
      inToken = true;
      i++;
    }
  }
  if (inToken) out.push(cur);
  return out;
}

export interface ParsedArgs {
  positionals: string[];
  /** words after a bare `--` (e.g. `kubectl exec pod -- curl ...`) */
  afterDash: string[];
  /** whether the flag was given on the command line */
  has(name: string): boolean;
  string(name: string): string | undefined;
  bool(name: string): boolean;
  int(name: string): number | undefined;
  strings(name: string): string[];
}

/** Parse words (without the command words themselves) against the flag specs, as pflag does. */
export function parseArgs(words: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const values = new Map<string, string[]>();
  const positionals: string[] = [];
  let afterDash: string[] = [];
  const set = (spec: FlagSpec, value: string) => {
    if (spec.type === 'int' && !/^-?\d+$/.test(value)) {
      throw new ArgsError(
        `error: invalid argument "${value}" for "${spec.short ? `-${spec.short}, ` : ''}--${spec.name}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`,
      );
    }
    if (
      spec.type === 'bool' &&
      !['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False'].includes(value)
    ) {
      throw new ArgsError(
        `error: invalid argument "${value}" for "${spec.short ? `-${spec.short}, ` : ''}--${spec.name}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`,
      );
    }
    const list = values.get(spec.name) ?? [];
    // stringArray flags accumulate; others keep the last value, as pflag does
    if (spec.type === 'stringArray') list.push(value);
    else list.splice(0, list.length, value);
    values.set(spec.name, list);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w === '--') {
      afterDash = words.slice(i + 1);
      break;
    }
    if (w.startsWith('--') && w.length > 2) {
      const eq = w.indexOf('=');
      const name = eq < 0 ? w.slice(2) : w.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) throw new ArgsError(`error: unknown flag: --${name}`);
      if (eq >= 0) set(spec, w.slice(eq + 1));
      else if (spec.type === 'bool') set(spec, 'true');
      else {
        if (i + 1 >= words.length) throw new ArgsError(`error: flag needs an argument: --${name}`);
        set(spec, words[++i] as string);
      }
    } else if (w.startsWith('-') && w.length > 1 && !/^-\d/.test(w)) {
      // shorthand: -n ns, -nns, -n=ns, -oyaml, combined bools like -it
      let j = 1;
      while (j < w.length) {
        const ch = w[j] as string;
        const spec = byShort.get(ch);
        if (!spec) throw new ArgsError(`error: unknown shorthand flag: '${ch}' in ${w}`);
        if (spec.type === 'bool') {
          if (w[j + 1] === '=') {
            set(spec, w.slice(j + 2));
            break;
          }
          set(spec, 'true');
          j++;
          continue;
        }
        const rest = w.slice(j + 1);
        if (rest.length > 0) set(spec, rest.startsWith('=') ? rest.slice(1) : rest);
        else {
          if (i + 1 >= words.length) throw new ArgsError(`error: flag needs an argument: '${ch}' in -${ch}`);
          set(spec, words[++i] as string);
        }
        break;
      }
    } else {
      positionals.push(w);
    }
  }
  const last = (name: string): string | undefined => {
    const v = values.get(name);
    if (v && v.length > 0) return v[v.length - 1];
    const d = byName.get(name)?.default;
    return d === undefined ? undefined : String(d);
  };
  return {
    positionals,
    afterDash,
    has: (name) => values.has(name),
    string: last,
    bool: (name) => {
      const v = last(name);
      return v === 'true' || v === '1' || v === 't' || v === 'TRUE' || v === 'True';
    },
    int: (name) => {
      const v = last(name);
      return v === undefined ? undefined : Number.parseInt(v, 10);
    },
    strings: (name) => values.get(name) ?? [],
  };
}
