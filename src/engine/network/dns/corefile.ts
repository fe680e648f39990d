// Parser of the CoreDNS Corefile (the Caddyfile syntax): server blocks `zone:port { plugin args { sub } }`.
// Errors use Caddy's words (`Corefile:12 - Error during parsing: Unknown directive 'foo'`), as CoreDNS logs them.

export interface Directive {
  name: string;
  args: string[];
  block: Directive[];
  line: number;
}

export interface ServerZone {
  /** lower-case FQDN with the trailing dot, '.' for the root */
  zone: string;
  port: number;
}

export interface ServerBlock {
  keys: string[];
  zones: ServerZone[];
  directives: Directive[];
  line: number;
}

export type CorefileResult = { ok: true; blocks: ServerBlock[] } | { ok: false; error: string };

/** the plugins this build knows (a subset of CoreDNS' plugin.cfg); others are "Unknown directive" */
export const KNOWN_PLUGINS = new Set([
  'bind',
  'cache',
  'debug',
  'errors',
  'forward',
  'health',
  'hosts',
  'kubernetes',
  'loadbalance',
  'log',
  'loop',
  'prometheus',
  'ready',
  'reload',
  'rewrite',
  'template',
  'whoami',
  'autopath',
  'any',
  'chaos',
]);

interface Token {
  text: string;
  line: number;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const re = /"([^"]*)"|([^\s"]+)/g;
    const hash = raw.search(/(^|\s)#/);
    const line = hash >= 0 ? raw.slice(0, hash) : raw;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      let word = m[1] ?? m[2] ?? '';
      // "health{" / "}" glued to words
      const trailingOpen = m[2] !== undefined && word.length > 1 && word.endsWith('{');
      if (trailingOpen) word = word.slice(0, -1);
      out.push({ text: word, line: i + 1 });
      if (trailingOpen) out.push({ text: '{', line: i + 1 });
    }
  });
  return out;
}

class ParseError extends Error {}

/** `.:53`, `example.com:53`, `dns://.:53`, `.` (port 53) */
export function parseServerKey(key: string): ServerZone | undefined {
  const k = key.replace(/^dns:\/\//, '');
  const m = /^([^:]*)(?::(\d+))?$/.exec(k);
  if (!m) return undefined;
  let zone = (m[1] ?? '').toLowerCase();
  if (zone === '') return undefined;
  if (!zone.endsWith('.')) zone += '.';
  return { zone, port: m[2] === undefined ? 53 : Number(m[2]) };
}

export function parseCorefile(text: string, file = 'Corefile'): CorefileResult {
  const toks = tokenize(text);
  let i = 0;
  const err = (line: number, msg: string) => new ParseError(`${file}:${line} - Error during parsing: ${msg}`);
  const directives = (depth: number): Directive[] => {
    const out: Directive[] = [];
    while (i < toks.length) {
      const t = toks[i] as Token;
      if (t.text === '}') {
        i++;
        return out;
      }
      if (t.text === '{') throw err(t.line, "Unexpected '{'");
      if (depth === 1 && !KNOWN_PLUGINS.has(t.text)) throw err(t.line, `Unknown directive '${t.text}'`);
      const d: Directive = { name: t.text, args: [], block: [], line: t.line };
      i++;
      while (
        i < toks.length &&
        (toks[i] as Token).line === t.line &&
        !['{', '}'].includes((toks[i] as Token).text)
      )
        d.args.push((toks[i++] as Token).text);
      if (i < toks.length && (toks[i] as Token).text === '{') {
        i++;
        d.block = directives(depth + 1);
      }
      out.push(d);
    }
    throw err(toks.at(-1)?.line ?? 1, 'Unexpected EOF');
  };
  try {
    const blocks: ServerBlock[] = [];
    while (i < toks.length) {
      const first = toks[i] as Token;
      if (first.text === '}') throw err(first.line, "Unexpected '}' because no matching opening brace");
      const keys: string[] = [];
      while (i < toks.length && (toks[i] as Token).text !== '{') {
        if ((toks[i] as Token).line !== first.line)
          throw err((toks[i] as Token).line, `Unexpected token '${(toks[i] as Token).text}', expecting '{'`);
        keys.push(...(toks[i++] as Token).text.split(',').filter((k) => k !== ''));
      }
      if (i >= toks.length) throw err(first.line, 'Unexpected EOF');
      i++;
      const zones = keys.map((k) => {
        const z = parseServerKey(k);
        if (!z) throw err(first.line, `invalid server block key '${k}'`);
        return z;
      });
      const ds = directives(1);
      validate(ds, err);
      blocks.push({ keys, zones, directives: ds, line: first.line });
    }
    return { ok: true, blocks };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message };
    throw e;
  }
}

/** argument checks of the plugins' setup functions (plugin/forward/setup.go, plugin/kubernetes/setup.go) */
function validate(ds: Directive[], err: (line: number, msg: string) => ParseError): void {
  for (const d of ds) {
    if (d.name === 'forward' && d.args.length < 2)
      throw err(d.line, "Wrong argument count or unexpected line ending after 'forward'");
    if (d.name === 'cache' && d.args[0] !== undefined && !/^\d+$/.test(d.args[0]))
      throw err(d.line, `plugin/cache: invalid syntax: '${d.args[0]}'`);
    if (d.name === 'kubernetes')
      for (const sub of d.block) {
        if (sub.name === 'pods' && !['disabled', 'insecure', 'verified'].includes(sub.args[0] ?? ''))
          throw err(
            sub.line,
            `plugin/kubernetes: Value for pods must be one of: disabled, verified, insecure`,
          );
        if (sub.name === 'ttl' && !/^\d+$/.test(sub.args[0] ?? ''))
          throw err(sub.line, `plugin/kubernetes: ttl must be in range [0, 3600]: ${sub.args[0] ?? ''}`);
      }
  }
}

/** the directive `name` in a server block, if present */
export function directive(b: ServerBlock, name: string): Directive | undefined {
  return b.directives.find((d) => d.name === name);
}
