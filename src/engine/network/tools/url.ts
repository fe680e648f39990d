// curl's URL handling, reduced to what the simulator serves: [http://]host[:port][/path].
export interface ParsedUrl {
  scheme: string;
  host: string;
  port: number;
  path: string;
}

export function parseUrl(raw: string): ParsedUrl | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]+)(?::(\d+))?([/?#].*)?$/.exec(raw);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] !== undefined ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (port > 65535) return undefined;
  return { scheme, host: (m[2] ?? '').toLowerCase(), port, path: m[4] && m[4].startsWith('/') ? m[4] : '/' };
}
