// Test helpers: a cluster with the control plane, kubelet, metrics-server and eviction manager, and a runner for
// the resource commands before the lead registers them in the dispatcher.
import { createCluster, type Cluster } from '../index';
import { controllerManagerComponents } from '../controllers/manager';
import { replicaSetController } from '../controllers/replicaset/index';
import { garbageCollectorController } from '../controllers/garbagecollector/index';
import { deploymentController } from '../controllers/deployment/index';
import { horizontalPodAutoscalerController } from '../controllers/podautoscaler/index';
import { nodeLifecycleController } from '../controllers/nodelifecycle/index';
import { schedulerComponents } from '../scheduler/index';
import { kubeletComponent } from '../kubelet/index';
import { evictionManagerComponent, type EvictionOptions } from '../kubelet/eviction/index';
import { metricsServerComponent } from './metricsServer';
import { parseArgs, tokenize } from '../commands/args';
import type { CommandResult, CommandSpec } from '../commands/types';
import { topCommands } from '../commands/kubectl/top';
import { autoscaleCommand } from '../commands/kubectl/autoscale';
import { usageCommands } from '../commands/sim/usage';
import type { NodeSpec } from '../cluster/types';
import { defaultKubeConfig } from '../commands/kubectl/config/kubeconfig';

export function resourceCluster(nodes: number | NodeSpec[] = 2, eviction: EvictionOptions = {}): Cluster {
  // a bare cluster with exactly the components these tests configure (e.g. their own eviction thresholds)
  const c = createCluster({ seed: 7, nodes, controlPlane: false });
  const defs = [
    deploymentController,
    replicaSetController,
    garbageCollectorController,
    horizontalPodAutoscalerController,
  ];
  for (const comp of controllerManagerComponents(defs)) c.runtime.addComponent(comp);
  for (const s of schedulerComponents()) c.runtime.addComponent(s);
  c.runtime.addComponent(nodeLifecycleController());
  c.runtime.addComponent(kubeletComponent());
  c.runtime.addComponent(metricsServerComponent());
  c.runtime.addComponent(evictionManagerComponent(eviction));
  return c;
}

const specs: { program: string; spec: CommandSpec }[] = [
  ...topCommands.map((spec) => ({ program: 'kubectl', spec })),
  { program: 'kubectl', spec: autoscaleCommand },
  ...usageCommands.map((spec) => ({ program: 'sim', spec })),
];

/** run one of this feature's commands (or fall back to the cluster's dispatcher) */
export function run(c: Cluster, line: string, stdin?: string): CommandResult {
  const words = tokenize(line);
  let best: CommandSpec | undefined;
  for (const { program, spec } of specs)
    if (
      program === words[0] &&
      spec.path.every((p, i) => words[i + 1] === p) &&
      (!best || spec.path.length > best.path.length)
    )
      best = spec;
  if (!best) return c.run(line, stdin);
  return best.run(parseArgs(words.slice(1 + best.path.length), best.flags), {
    rt: c.runtime,
    stdin,
    kubeconfig: defaultKubeConfig(),
  });
}

export function deploymentYaml(name: string, replicas: number, resources: string, extra = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
${extra}      containers:
      - name: ${name}
        image: nginx
        resources: ${resources}
`;
}
