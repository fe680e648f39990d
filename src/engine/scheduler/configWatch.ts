// Loads the scheduler's KubeSchedulerConfiguration from ConfigMap kube-system/kube-scheduler-config, creating the
// default one when absent, and reloads profiles whenever the ConfigMap changes (a simulator convenience: the real
// kube-scheduler reads its --config file once at start).
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../types/object';
import type { Scheduler } from './scheduler';
import { StatusError } from '../apiserver/types';
import {
  CONFIG_KEY,
  CONFIG_MAP_NAME,
  CONFIG_MAP_NAMESPACE,
  DEFAULT_CONFIG_YAML,
  parseSchedulerConfig,
} from './config';
import { buildProfiles } from './profileBuilder';
import { podKeyOf } from './cache';

export function ensureConfigMap(s: Scheduler): void {
  try {
    s.rt.api.get('configmaps', CONFIG_MAP_NAMESPACE, CONFIG_MAP_NAME);
    return;
  } catch (e) {
    if (!(e instanceof StatusError) || e.status.reason !== 'NotFound') throw e;
  }
  const cm: KubeObject = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: CONFIG_MAP_NAME, namespace: CONFIG_MAP_NAMESPACE },
    data: { [CONFIG_KEY]: DEFAULT_CONFIG_YAML },
  };
  s.rt.api.create('configmaps', CONFIG_MAP_NAMESPACE, cm, {
    actor: s.name,
    cause: 'scheduler start: default configuration',
  });
}

/** parse + build; on errors keep the running profiles and report a Warning Event on the ConfigMap */
export function loadConfig(s: Scheduler, cm: Readonly<KubeObject>): void {
  const text = (cm.data as Record<string, string> | undefined)?.[CONFIG_KEY];
  const parsed = parseSchedulerConfig(text ?? '');
  let errors = parsed.errors;
  if (text === undefined) errors = [`data.${CONFIG_KEY}: Required value`];
  let built: ReturnType<typeof buildProfiles> | undefined;
  if (errors.length === 0 && parsed.config) {
    built = buildProfiles(parsed.config);
    errors = built.errors;
  }
  if (errors.length > 0 || !parsed.config || !built) {
    const msg = `invalid KubeSchedulerConfiguration, keeping the previous one: ${errors.join('; ')}`;
    s.rt.events.event(cm, 'Warning', 'InvalidConfiguration', msg, { component: s.name });
    if (s.profiles.size === 0) loadDefault(s);
    return;
  }
  s.setProfiles(parsed.config, built.profiles);
  s.rt.sim.trace.record({
    actor: s.name,
    action: 'configure',
    target: `configmaps/${CONFIG_MAP_NAMESPACE}/${CONFIG_MAP_NAME}`,
    message: `profiles: ${[...built.profiles.keys()].join(', ')}`,
  });
  enqueueNewlyServed(s);
  s.queue.moveAllToActiveOrBackoffQueue();
}

function loadDefault(s: Scheduler): void {
  const parsed = parseSchedulerConfig(DEFAULT_CONFIG_YAML);
  if (!parsed.config) return;
  s.setProfiles(parsed.config, buildProfiles(parsed.config).profiles);
}

/** pending pods naming a profile that did not exist before now enter the queue */
function enqueueNewlyServed(s: Scheduler): void {
  if (!s.pods?.started) return;
  for (const o of s.pods.list()) {
    const pod = o as Pod;
    if (pod.spec?.nodeName || pod.metadata?.deletionTimestamp || !s.responsibleFor(pod)) continue;
    const key = podKeyOf(pod);
    if (s.queue.whereIs(key) === undefined && !s.cache.isAssumed(key)) s.queue.add(key, pod);
  }
}

export function watchConfig(s: Scheduler): void {
  const cms = s.informers.for('configmaps');
  cms.start();
  const isOurs = (o: Readonly<KubeObject>) =>
    o.metadata.namespace === CONFIG_MAP_NAMESPACE && o.metadata.name === CONFIG_MAP_NAME;
  cms.addHandlers({
    onAdd: (o) => isOurs(o) && loadConfig(s, o),
    onUpdate: (_old, o) => isOurs(o) && loadConfig(s, o),
  });
  if (s.profiles.size === 0) loadDefault(s);
}
