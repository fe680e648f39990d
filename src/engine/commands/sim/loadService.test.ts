// `sim load service/NAME`: traffic routed through kube-proxy spreads over ready endpoints only, and the report adds up.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';

function rows(out: string): string[][] {
  return out
    .trim()
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/));
}

describe('sim load service/NAME', () => {
  it('spreads requests over every ready endpoint, roughly evenly, and accounts for all of them', () => {
    const c = createCluster();
    c.run('kubectl create deployment web --image=nginx --replicas=3');
    c.run('kubectl expose deployment web --port 80');
    c.run('sim settle');
    const before = c.nowMs();
    const r = c.run('sim load service/web --rps 300 --for 20s');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sent 6000 requests to service\/web \(10\.\d+\.\d+\.\d+:80\) over 20s/);
    expect(c.nowMs() - before).toBe(20_000);
    const table = rows(r.stdout);
    expect(table).toHaveLength(3);
    expect(table.reduce((n, row) => n + Number(row[3]), 0)).toBe(6000);
    for (const row of table) {
      expect(row[1]).toMatch(/^web-/);
      expect(Number(row[3])).toBeGreaterThan(1500);
      expect(Number(row[3])).toBeLessThan(2500);
    }
  });

  it('reports requests that found no endpoint when the Service has none', () => {
    const c = createCluster();
    c.run('kubectl create deployment web --image=nginx --replicas=1');
    c.run('kubectl expose deployment web --port 80');
    c.run('kubectl scale deployment web --replicas=0');
    c.run('sim settle');
    const r = c.run('sim load service/web --rps 10 --for 2s');
    expect(r.code).toBe(0);
    expect(rows(r.stdout)).toEqual([['<no', 'endpoint>', '-', '-', '20', '100.0%']]);
  });
});
