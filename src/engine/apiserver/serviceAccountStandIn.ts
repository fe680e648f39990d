// Until the serviceaccounts-controller exists: every new namespace gets its `default` ServiceAccount shortly after,
// as pkg/controller/serviceaccount/serviceaccounts_controller.go would create it.
import type { KubeObject } from '../types/object';
import type { ServerCore } from './core';
import { keyOf } from './core';
import { resolveResource } from './registry';

export function scheduleDefaultServiceAccount(
  core: ServerCore,
  namespace: string,
  create: (resource: string, namespace: string, obj: KubeObject, cause: string) => void,
): void {
  core.sim.schedule({
    delayMs: 0,
    actor: 'serviceaccount-controller',
    label: `create serviceaccount ${namespace}/default`,
    run: () => {
      const ns = core.store.get(keyOf(resolveResource('namespaces'), undefined, namespace));
      if (!ns || ns.value.metadata.deletionTimestamp) return;
      if (core.store.get(keyOf(resolveResource('serviceaccounts'), namespace, 'default'))) return;
      const sa: KubeObject = {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'default', namespace },
      };
      try {
        create('serviceaccounts', namespace, sa, `watch ADDED namespaces/${namespace}`);
      } catch {
        // the namespace went away or someone else created it: nothing to do, as the controller would requeue
      }
    },
  });
}
