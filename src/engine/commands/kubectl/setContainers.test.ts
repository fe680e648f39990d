// Container selection of the `kubectl set` verbs: helper.go selectString, quirks included.
import { describe, expect, it } from 'vitest';
import { selectContainers, selectString } from './setContainers';

describe('selectString (kubectl set helper.go)', () => {
  it.each([
    { s: 'nginx', spec: '*', match: true },
    { s: 'nginx', spec: 'nginx', match: true },
    { s: 'nginx', spec: 'ngin', match: false },
    { s: 'nginx', spec: 'ng*', match: true },
    { s: 'nginx', spec: '*nx', match: true },
    { s: 'nginx', spec: '*gin*', match: true },
    { s: 'nginx', spec: 'ng*x', match: true },
    { s: 'nginx', spec: 'ng*y', match: false },
    { s: 'sidecar', spec: 'ng*', match: false },
    // Go's loop does not anchor the first part once it has found it further in
    { s: 'xnginx', spec: 'ngi*', match: true },
  ])('$spec matches $s: $match', ({ s, spec, match }) => {
    expect(selectString(s, spec)).toBe(match);
  });

  it('selects containers in order by their names', () => {
    const cs = [{ name: 'app' }, { name: 'app-sidecar' }, { name: 'log' }];
    expect(selectContainers(cs, 'app*').map((c) => c.name)).toEqual(['app', 'app-sidecar']);
    expect(selectContainers(undefined, '*')).toEqual([]);
  });
});
