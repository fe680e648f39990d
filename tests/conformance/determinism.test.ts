// Same seed + same commands => byte-identical command output, event log (store history) and trace.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/engine/index';
import type { StoreEvent } from '../../src/engine/index';

const manifests = `
apiVersion: v1
kind: Pod
metadata:
  generateName: hello-
  labels: { app: hello }
spec:
  containers:
    - name: main
      image: nginx:1.27
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
`;

const script: Array<[string, string?]> = [
  ['kubectl apply -f -', manifests],
  ['sim advance 30s'],
  ['kubectl get pods -A -o wide'],
  ['kubectl scale deployment web --replicas=5'],
  ['sim node fail node-2'],
  ['sim advance 2m'],
  ['kubectl get all -o yaml'],
  ['kubectl get events -A'],
  ['kubectl delete deployment web'],
  ['sim settle --timeout 10m'],
  ['kubectl get pods -A'],
];

function runScript(seed: number): string {
  const cluster = createCluster({ seed });
  const log: string[] = [];
  cluster.watchAll((events: readonly StoreEvent[]) => {
    for (const e of events) log.push(`${e.revision} ${e.type} ${e.key} ${JSON.stringify(e.kv.value)}`);
  });
  for (const [line, stdin] of script) {
    const r = cluster.run(line, stdin);
    log.push(`$ ${line}\n${r.code}\n${r.stdout}${r.stderr}`);
  }
  for (const t of cluster.trace()) log.push(JSON.stringify(t));
  return log.join('\n');
}

describe('determinism', () => {
  it('gives byte-identical output and event log for the same seed', () => {
    const a = runScript(7);
    const b = runScript(7);
    expect(a.length).toBeGreaterThan(1000);
    expect(a).toBe(b);
  });

  it('draws names and uids from the seed: another seed gives other names', () => {
    expect(runScript(7)).not.toBe(runScript(8));
  });
});
