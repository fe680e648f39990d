// The interactive player: the learner's own commands make checks pass; "solve" runs the author's commands.
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';
import { playScenario, startScenario } from './player';

const text = `title: tiny
cluster: { seed: 1, nodes: 1 }
steps:
  - title: make a deployment
    text: create it
    run: [kubectl create deployment web --image=nginx --replicas=2]
    settle: true
    checks:
      - describe: two ready
        get: deployment/web
        expect: { status.readyReplicas: 2 }
        hint: create deployment web with 2 replicas
`;

describe('startScenario', () => {
  it('fails a check with its hint until the learner does the step, then passes', () => {
    const s = startScenario(parseScenario(text));
    expect(s.step(0)).toMatchObject({ title: 'make a deployment', checks: [{ describe: 'two ready' }] });
    const before = s.check(0);
    expect(before.passed).toBe(false);
    expect(before.checks[0]?.hint).toBe('create deployment web with 2 replicas');
    s.run('kubectl create deployment web --image=nginx --replicas=2');
    s.run('sim settle');
    expect(s.check(0).passed).toBe(true);
  });

  it('solve() runs the step commands; out-of-range steps throw', () => {
    const s = startScenario(parseScenario(text));
    expect(s.solve(0).passed).toBe(true);
    expect(() => s.step(1)).toThrow(/has no step 1/);
  });

  it('headless play flags a command that exits non-zero unexpectedly', () => {
    const broken = parseScenario(text.replace('--replicas=2]', '--replicas=2, kubectl get nothing-such]'));
    const r = playScenario(broken);
    expect(r.passed).toBe(false);
    expect(r.steps[0]?.outputs.find((o) => o.unexpectedCode)?.command).toBe('kubectl get nothing-such');
  });
});
