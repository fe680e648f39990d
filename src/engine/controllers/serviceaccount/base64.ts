// Base64 and base64url (RFC 4648) of UTF-8 text and raw bytes, for Secret data and JWT segments; no Buffer/btoa,
// so the engine runs the same in Node and in a Web Worker.
const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** standard base64 with '=' padding (what Secret .data holds) */
export function base64Bytes(bytes: readonly number[]): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] as number;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    const n = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    s += (STD[n >> 18] as string) + (STD[(n >> 12) & 63] as string);
    s += b1 === undefined ? '=' : (STD[(n >> 6) & 63] as string);
    s += b2 === undefined ? '=' : (STD[n & 63] as string);
  }
  return s;
}

export function base64(text: string): string {
  return base64Bytes(utf8Bytes(text));
}

/** base64url without padding (RFC 7515 JWS segments) */
export function base64UrlBytes(bytes: readonly number[]): string {
  return base64Bytes(bytes).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

export function base64Url(text: string): string {
  return base64UrlBytes(utf8Bytes(text));
}

/** decode standard base64 (Secret .data) to text; undefined when malformed */
export function decodeBase64(data: string): string | undefined {
  const clean = data.replace(/=+$/, '');
  const bytes: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of clean) {
    const v = STD.indexOf(ch);
    if (v < 0) return undefined;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  try {
    return new TextDecoder().decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
}
