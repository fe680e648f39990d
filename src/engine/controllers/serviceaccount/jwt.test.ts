// JWT-shaped service account tokens: their claims, deterministic signatures and base64url round trips.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../../sim/rng';
import { base64, decodeBase64 } from './base64';
import { boundToken, decodeClaims, legacyToken } from './jwt';

const sa = { namespace: 'default', name: 'robot', uid: '11111111-2222-4333-8444-555555555555' };

describe('service account tokens', () => {
  it('are RS256 JWS: base64url header.claims.signature with a 256-byte signature', () => {
    const t = legacyToken(createRng(1), sa, 'robot-token');
    const [h, , sig] = t.split('.');
    expect(t).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(JSON.parse(decodeBase64((h ?? '').replace(/-/g, '+').replace(/_/g, '/')) ?? '')).toMatchObject({
      alg: 'RS256',
    });
    expect(sig).toHaveLength(342);
  });

  it('serialise claims with sorted keys, as go-jose does', () => {
    const t = legacyToken(createRng(1), sa, 'robot-token');
    const json = decodeBase64((t.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/')) ?? '';
    expect(
      json.startsWith(
        '{"iss":"kubernetes/serviceaccount","kubernetes.io/serviceaccount/namespace":"default"',
      ),
    ).toBe(true);
    expect(json.endsWith('"sub":"system:serviceaccount:default:robot"}')).toBe(true);
  });

  it('are deterministic per cluster seed and payload', () => {
    expect(legacyToken(createRng(1), sa, 'a')).toBe(legacyToken(createRng(1), sa, 'a'));
    expect(legacyToken(createRng(1), sa, 'a')).not.toBe(legacyToken(createRng(2), sa, 'a'));
    expect(legacyToken(createRng(1), sa, 'a').split('.')[2]).not.toBe(
      legacyToken(createRng(1), sa, 'b').split('.')[2],
    );
  });

  it('bound tokens carry audience, lifetime and the kubernetes.io claims', () => {
    const t = boundToken(createRng(1), { sa, issuedAt: 1735689600, expirationSeconds: 3600 });
    expect(decodeClaims(t)).toMatchObject({
      aud: ['https://kubernetes.default.svc.cluster.local'],
      iat: 1735689600,
      nbf: 1735689600,
      exp: 1735693200,
      'kubernetes.io': { namespace: 'default', serviceaccount: { name: 'robot', uid: sa.uid } },
      sub: 'system:serviceaccount:default:robot',
    });
  });

  it('property: base64 round-trips any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => decodeBase64(base64(s)) === s));
  });
});
