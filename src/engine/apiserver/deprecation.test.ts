// The API server's deprecation warning for v1 Endpoints, as kubectl prints it: once per command, first on stderr,
// only for kubectl's own requests (a controller writing Endpoints meanwhile adds nothing).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { deprecationWarning } from './deprecation';

const WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

describe('deprecationWarning (deprecation.go WarningMessage)', () => {
  it.each([
    [{ group: '', version: 'v1', kind: 'Endpoints' }, WARNING.slice('Warning: '.length, -1)],
    [{ group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSlice' }, undefined],
    [{ group: '', version: 'v1', kind: 'Service' }, undefined],
  ])('%j -> %s', (info, want) => {
    expect(deprecationWarning(info)).toBe(want);
  });
});

describe('kubectl prints the Endpoints deprecation warning', () => {
  it.each([
    { line: 'kubectl get endpoints', warned: true },
    { line: 'kubectl get ep kubernetes -o yaml', warned: true },
    { line: 'kubectl get svc,endpointslices,endpoints', warned: true },
    { line: 'kubectl describe endpoints kubernetes', warned: true },
    // the header is set before the handler runs: a failing request warns too
    { line: 'kubectl get endpoints nope', warned: true },
    { line: 'kubectl label endpoints kubernetes a=b', warned: true },
    { line: 'kubectl get endpointslices', warned: false },
    { line: 'kubectl describe svc kubernetes', warned: false },
    { line: 'kubectl get svc', warned: false },
    { line: 'kubectl api-resources', warned: false },
    { line: 'sim settle', warned: false },
  ])('$line', ({ line, warned }) => {
    const r = createCluster({ nodes: 1 }).run(line);
    expect(r.stderr.split(WARNING).length - 1).toBe(warned ? 1 : 0);
    if (warned) expect(r.stderr.startsWith(WARNING)).toBe(true);
  });

  it('keeps the command result otherwise unchanged', () => {
    expect(createCluster({ nodes: 1 }).run('kubectl get endpoints nope')).toEqual({
      code: 1,
      stdout: '',
      stderr: `${WARNING}Error from server (NotFound): endpoints "nope" not found\n`,
    });
  });

  it("does not blame kubectl for the endpoints controller's writes while a watch runs", () => {
    const c = createCluster({ nodes: 1 });
    c.run('sim settle');
    c.run('kubectl create deployment web --image=nginx');
    c.run('kubectl expose deployment web --port=80');
    // the endpoints controller creates and fills Endpoints "web" while kubectl watches pods
    const r = c.run('kubectl get pods -w');
    expect(c.runtime.api.get('endpoints', 'default', 'web')).toBeDefined();
    expect(r.stderr).not.toContain('Warning:');
  });
});
