// Test harness for the workload conformance tests: drives a cluster only through cluster.run(...), steps virtual
// time in small increments and runs the invariant checker after every step, failing with the time and violations.
import { createCluster } from '../../../src/engine/index';
import type { Cluster, ClusterOptions, CommandResult, KubeObject } from '../../../src/engine/index';
import { checkInvariants, checkSettledInvariants } from '../../../src/engine/sim/invariants';

/** the pod fields the tests read */
export interface PodView extends KubeObject {
  spec: {
    nodeName?: string;
    hostname?: string;
    subdomain?: string;
    volumes?: { name: string; persistentVolumeClaim?: { claimName: string }; emptyDir?: object }[];
  };
  status?: {
    phase?: string;
    conditions?: { type: string; status: string; lastTransitionTime?: string }[];
  };
}

export const DEFAULT_STEP = '500ms';

export class Harness {
  readonly c: Cluster;
  /** commands run so far, for failure messages */
  private last = '<start>';

  constructor(options?: ClusterOptions) {
    this.c = createCluster(options);
    this.check();
  }

  /** virtual seconds, for messages */
  t(): string {
    return `${(this.c.nowMs() / 1000).toFixed(3)}s`;
  }

  /** fail with the virtual time and the violations if any always-true invariant is broken */
  check(): void {
    const v = checkInvariants(this.c.runtime);
    if (v.length > 0) {
      throw new Error(`invariants violated at t=${this.t()} after "${this.last}":\n  ${v.join('\n  ')}`);
    }
  }

  /** run a command line; fails the test unless it exits 0 (pass allowFail to get the result anyway) */
  run(line: string, stdin?: string, allowFail = false): CommandResult {
    this.last = line;
    const r = this.c.run(line, stdin);
    if (!allowFail && r.code !== 0) {
      throw new Error(`"${line}" exited ${r.code} at t=${this.t()}:\n${r.stdout}${r.stderr}`);
    }
    this.check();
    return r;
  }

  /** one simulation step: `sim advance <step>`, then the invariant check */
  step(step = DEFAULT_STEP): void {
    this.run(`sim advance ${step}`);
  }

  /** advance totalMs in steps of stepMs, calling onStep after each (and checking invariants) */
  advance(totalMs: number, onStep?: () => void, stepMs = 500): void {
    for (let done = 0; done < totalMs; done += stepMs) {
      this.step(`${Math.min(stepMs, totalMs - done)}ms`);
      onStep?.();
    }
  }

  /**
   * step until the cluster is quiet (`sim settle --timeout <step>` repeatedly, so invariants are checked between
   * steps), calling onStep after each; then the settled invariants must hold.
   */
  settle(maxMs = 600_000, onStep?: () => void, stepMs = 500): void {
    const start = this.c.nowMs();
    for (;;) {
      this.last = `sim settle --timeout ${stepMs}ms`;
      const r = this.c.run(this.last);
      this.check();
      onStep?.();
      if (r.code === 0) break;
      if (this.c.nowMs() - start > maxMs) {
        throw new Error(`did not settle within ${maxMs}ms (t=${this.t()}): ${r.stderr}`);
      }
    }
    const s = checkSettledInvariants(this.c.runtime);
    if (s.length > 0) throw new Error(`settled invariants violated at t=${this.t()}:\n  ${s.join('\n  ')}`);
  }

  /** step until pred() holds; fails after maxMs of virtual time */
  until(pred: () => boolean, what: string, maxMs = 120_000, onStep?: () => void, stepMs = 500): void {
    const start = this.c.nowMs();
    while (!pred()) {
      if (this.c.nowMs() - start > maxMs) throw new Error(`timed out after ${maxMs}ms waiting for ${what}`);
      this.step(`${stepMs}ms`);
      onStep?.();
    }
  }

  /** `kubectl get <resource> -o json` items (namespace default unless args say otherwise) */
  list<T extends KubeObject = KubeObject>(resource: string, args = ''): T[] {
    const r = this.run(`kubectl get ${resource} ${args} -o json`.replace(/\s+/g, ' '));
    const parsed = JSON.parse(r.stdout) as { items?: T[] };
    return parsed.items ?? [];
  }

  /** one object by `kubectl get <resource> <name> -o json`, or undefined when NotFound */
  get<T extends KubeObject = KubeObject>(resource: string, name: string, args = ''): T | undefined {
    const r = this.run(
      `kubectl get ${resource} ${name} ${args} -o json`.replace(/\s+/g, ' '),
      undefined,
      true,
    );
    if (r.code !== 0) {
      if (/NotFound/.test(r.stderr)) return undefined;
      throw new Error(`kubectl get ${resource} ${name} failed: ${r.stderr}`);
    }
    return JSON.parse(r.stdout) as T;
  }

  pods(selector = ''): PodView[] {
    return this.list<PodView>('pods', selector ? `-l ${selector}` : '');
  }

  /** apply a manifest from stdin */
  apply(yaml: string): void {
    this.run('kubectl apply -f -', yaml);
  }
}

export function isReady(p: PodView): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

export function isTerminating(p: KubeObject): boolean {
  return p.metadata.deletionTimestamp !== undefined && p.metadata.deletionTimestamp !== null;
}

export function names(objs: readonly KubeObject[]): string[] {
  return objs.map((o) => o.metadata.name ?? '').sort();
}

export function readyTime(p: PodView): string | undefined {
  return p.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime;
}

/** a Deployment manifest with one nginx container; extra goes under spec (indented 2) */
export function deploymentYaml(name: string, replicas: number, image: string, extra = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: { app: ${name} }
${extra}  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
        - name: app
          image: ${image}
`;
}

/** a headless Service + StatefulSet with a `data` volumeClaimTemplate, like the seed's example */
export function statefulSetYaml(name: string, replicas: number, image: string, extra = ''): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  clusterIP: None
  selector: { app: ${name} }
  ports: [{ port: 80 }]
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
  serviceName: ${name}
  replicas: ${replicas}
  selector:
    matchLabels: { app: ${name} }
${extra}  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
        - name: app
          image: ${image}
          volumeMounts: [{ name: data, mountPath: /data }]
  volumeClaimTemplates:
    - metadata: { name: data }
      spec:
        accessModes: [ReadWriteOnce]
        resources: { requests: { storage: 1Gi } }
`;
}
