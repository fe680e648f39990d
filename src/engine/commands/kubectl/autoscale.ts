// `kubectl autoscale (deployment|replicaset|statefulset|rc) NAME --max=N [--min=N] [--cpu-percent=N] [--name]`:
// creates an autoscaling/v2 HorizontalPodAutoscaler. mirrors k8s.io/kubectl/pkg/cmd/autoscale/autoscale.go.
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { CommandSpec } from '../types';
import { fail, ok } from '../types';
import type { KubeObject } from '../../types/object';
import { apiVersionOf } from '../../apiserver/types';
import { commandNamespace } from '../resourceName';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

export const autoscaleCommand: CommandSpec = {
  path: ['autoscale'],
  summary: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  flags: [
    { name: 'namespace', short: 'n', type: 'string' },
    { name: 'min', type: 'int', default: -1 },
    { name: 'max', type: 'int', default: -1 },
    { name: 'cpu-percent', type: 'int', default: -1 },
    { name: 'name', type: 'string' },
    { name: 'dry-run', type: 'string' },
  ],
  run(args, { rt }) {
    const words = args.positionals.flatMap((p) => (p.includes('/') ? p.split('/') : [p]));
    if (words.length !== 2)
      return fail(
        'error: You must provide the type and name of the resource to autoscale, e.g. "kubectl autoscale deployment web --max=10"\n',
      );
    const max = args.int('max') ?? -1;
    const min = args.int('min') ?? -1;
    if (max < 1) return fail(`error: --max=MAXPODS is required and must be at least 1, max: ${max}\n`);
    if (max < min)
      return fail(
        `error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}\n`,
      );
    const info = rt.api.resolve(words[0] as string);
    const ns = commandNamespace(args.string('namespace'));
    const target = rt.api.get(info.plural, ns, words[1] as string);
    if (!SCALABLE.has(info.kind))
      return fail(
        `error: cannot autoscale a ${info.kind}: ${info.plural}.${info.group || ''} "${words[1]}" is not scalable\n`,
      );
    const name = args.string('name') || (target.metadata.name ?? '');
    const hpa: HorizontalPodAutoscaler = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name, namespace: ns },
      spec: {
        scaleTargetRef: { apiVersion: apiVersionOf(info), kind: info.kind, name: target.metadata.name ?? '' },
        maxReplicas: max,
      },
    };
    const spec = hpa.spec as NonNullable<HorizontalPodAutoscaler['spec']>;
    if (min > 0) spec.minReplicas = min;
    const cpu = args.int('cpu-percent') ?? -1;
    if (cpu >= 0)
      spec.metrics = [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } },
        },
      ];
    const dry = args.string('dry-run');
    if (dry === 'client') return ok(`horizontalpodautoscaler.autoscaling/${name} autoscaled (dry run)\n`);
    rt.api.create('horizontalpodautoscalers', ns, hpa as unknown as KubeObject, {
      actor: 'kubectl',
      cause: 'kubectl autoscale',
      fieldManager: 'kubectl-autoscale',
      ...(dry === 'server' ? { dryRun: true } : {}),
    });
    return ok(
      `horizontalpodautoscaler.autoscaling/${name} autoscaled${dry === 'server' ? ' (server dry run)' : ''}\n`,
    );
  },
};
