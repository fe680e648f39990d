// DefaultTolerationSeconds admission (plugin/pkg/admission/defaulttolerationseconds): new pods tolerate the
// not-ready and unreachable NoExecute taints for 300s unless they already tolerate them.
import type { AdmissionPlugin } from './types';

export const DEFAULT_TOLERATION_SECONDS = 300;
const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

function tolerates(tolerations: readonly Toleration[], key: string): boolean {
  return tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
}

export const defaultTolerationSeconds: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  admit(op, resource, obj) {
    if (op !== 'CREATE' || resource.kind !== 'Pod' || resource.group !== '') return;
    const spec = (obj.spec ?? {}) as { tolerations?: Toleration[] };
    const tolerations = spec.tolerations ?? [];
    const added: Toleration[] = [];
    for (const key of [NOT_READY, UNREACHABLE]) {
      if (!tolerates(tolerations, key)) {
        added.push({
          key,
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
        });
      }
    }
    if (added.length === 0) return;
    spec.tolerations = [...tolerations, ...added];
    obj.spec = spec;
  },
};
