// Name validators return apimachinery's messages (k8s.io/apimachinery/pkg/util/validation validation_test.go cases).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isValidPercent,
  isValidPortName,
  matchesDNS1123Subdomain,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
} from './names';

describe('DNS names', () => {
  it.each(['a', 'ab', 'a-b', '0', 'a--b', '1-2', 'x'.repeat(63)])('label %s is valid', (v) =>
    expect(isDNS1123Label(v)).toEqual([]),
  );
  it.each(['', 'A', 'a_b', '-a', 'a-', 'a b'])('label %j is invalid', (v) =>
    expect(isDNS1123Label(v)).toHaveLength(1),
  );
  it('a valid subdomain with dots is not a label', () =>
    expect(isDNS1123Label('a.b')).toEqual(['must not contain dots']));
  it('too long label', () =>
    expect(isDNS1123Label('x'.repeat(64))[0]).toBe('must be no more than 63 characters'));
  it.each(['a.b.c', 'example.com', '1.2'])('subdomain %s is valid', (v) =>
    expect(isDNS1123Subdomain(v)).toEqual([]),
  );
  it.each(['a..b', '.a', 'A.b'])('subdomain %j is invalid', (v) =>
    expect(isDNS1123Subdomain(v)).toHaveLength(1),
  );
  it('DNS-1035 label must start with a letter', () => {
    expect(isDNS1035Label('abc-1')).toEqual([]);
    expect(isDNS1035Label('1abc')).toHaveLength(1);
  });
  it('generateName prefixes may end with a dash', () => {
    expect(nameIsDNSLabel('web-', true)).toEqual([]);
    expect(nameIsDNSLabel('web-', false)).toHaveLength(1);
  });
});

describe('the DNS-1123 subdomain scan', () => {
  // apimachinery's dns1123SubdomainFmt, which the scan replaces
  const re = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
  it.each(['a', 'a.b', 'a-b.c--d', '0.1', 'web-7d4b9c8f5-x2k8p.18a2b3c4d5e6f708'])('accepts %s', (v) =>
    expect(matchesDNS1123Subdomain(v)).toBe(true),
  );
  it.each(['', '.', 'a.', '.a', 'a..b', 'a-', '-a', 'a-.b', 'a.-b', 'A', 'a_b', 'a b'])('rejects %j', (v) =>
    expect(matchesDNS1123Subdomain(v)).toBe(false),
  );
  it('answers as the regex does', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9.A_-]{0,12}$/), (v) => {
        expect(matchesDNS1123Subdomain(v)).toBe(re.test(v));
      }),
      { numRuns: 2000 },
    );
  });
  it('names (not prefixes) get the messages of IsDNS1123Subdomain', () => {
    expect(nameIsDNSSubdomain('web.1', false)).toEqual([]);
    expect(nameIsDNSSubdomain('Web', false)).toEqual(isDNS1123Subdomain('Web'));
    expect(nameIsDNSSubdomain('x'.repeat(254), false)).toEqual(['must be no more than 253 characters']);
  });
});

describe('other formats', () => {
  it('port names (IANA_SVC_NAME)', () => {
    expect(isValidPortName('http')).toEqual([]);
    expect(isValidPortName('123')).toEqual(['must contain at least one letter (a-z)']);
    expect(isValidPortName('a--b')).toEqual(['must not contain consecutive hyphens']);
    expect(isValidPortName('averyveryverylongname')).toEqual(['must be no more than 15 characters']);
  });
  it('config map keys', () => {
    expect(isConfigMapKey('app.properties')).toEqual([]);
    expect(isConfigMapKey('..x')).toEqual(["must not start with '..'"]);
    expect(isConfigMapKey('a/b')).toHaveLength(1);
  });
  it('percent', () => {
    expect(isValidPercent('25%')).toEqual([]);
    expect(isValidPercent('25')).toEqual([
      "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]);
  });
});
