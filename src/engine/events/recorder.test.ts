import { describe, expect, it } from 'vitest';
import { createEventRecorder } from './recorder';
import { KUBECTL, configMap, newTestApi } from '../apiserver/testSupport';
import type { KubeObject } from '../types/object';

function setup() {
  const t = newTestApi();
  const rec = createEventRecorder(t.api, t.sim);
  const obj = t.api.create('cm', 'default', configMap('web'), KUBECTL);
  const events = () => t.api.list('events', 'default').items as (KubeObject & Record<string, unknown>)[];
  return { ...t, rec, obj, events };
}

const SRC = { component: 'replicaset-controller' };

describe('event recorder', () => {
  it('writes a core/v1 Event about the object', () => {
    const { rec, obj, events, sim } = setup();
    sim.advance(3000);
    rec.event(obj, 'Normal', 'SuccessfulCreate', 'Created pod: web-abcde', SRC);
    const [ev] = events();
    expect(ev?.metadata.name).toMatch(/^web\.[0-9a-f]{16}$/);
    expect(ev).toMatchObject({
      reason: 'SuccessfulCreate',
      message: 'Created pod: web-abcde',
      type: 'Normal',
      count: 1,
      firstTimestamp: '2025-01-01T00:00:03Z',
      lastTimestamp: '2025-01-01T00:00:03Z',
      source: { component: 'replicaset-controller' },
      reportingComponent: 'replicaset-controller',
      involvedObject: {
        kind: 'ConfigMap',
        namespace: 'default',
        name: 'web',
        uid: obj.metadata.uid,
        apiVersion: 'v1',
        resourceVersion: obj.metadata.resourceVersion,
      },
    });
  });

  it('bumps count and lastTimestamp for a repeat, and starts a new Event for a new message', () => {
    const { rec, obj, events, sim } = setup();
    rec.event(obj, 'Warning', 'BackOff', 'Back-off restarting failed container', SRC);
    sim.advance(10_000);
    rec.event(obj, 'Warning', 'BackOff', 'Back-off restarting failed container', SRC);
    rec.event(obj, 'Warning', 'BackOff', 'Back-off restarting failed container', SRC);
    expect(events()).toHaveLength(1);
    expect(events()[0]).toMatchObject({
      count: 3,
      firstTimestamp: '2025-01-01T00:00:00Z',
      lastTimestamp: '2025-01-01T00:00:10Z',
    });
    rec.event(obj, 'Warning', 'BackOff', 'something else', SRC);
    rec.event(obj, 'Warning', 'BackOff', 'Back-off restarting failed container', {
      component: 'kubelet',
      host: 'node-1',
    });
    expect(events()).toHaveLength(3);
    expect(new Set(events().map((e) => e.metadata.name)).size).toBe(3);
  });

  it('puts events about cluster-scoped objects in default', () => {
    const { rec, api, events } = setup();
    const ns = api.get('ns', undefined, 'kube-system');
    rec.event(ns, 'Normal', 'Seen', 'hello', SRC);
    expect(events()[0]?.involvedObject).toMatchObject({ kind: 'Namespace', name: 'kube-system' });
  });

  it('combines similar events once 10 different messages arrive', () => {
    const { rec, obj, events } = setup();
    for (let i = 0; i < 12; i++) rec.event(obj, 'Normal', 'Scaled', `message ${i}`, SRC);
    const combined = events().filter((e) => String(e.message).startsWith('(combined from similar events): '));
    expect(events()).toHaveLength(10);
    expect(combined).toHaveLength(1);
    expect(combined[0]).toMatchObject({ count: 3, message: '(combined from similar events): message 11' });
  });

  it('drops events beyond the spam filter burst of 25', () => {
    const { rec, obj, events } = setup();
    for (let i = 0; i < 30; i++) rec.event(obj, 'Normal', 'Ping', 'same', SRC);
    expect(events()[0]?.count).toBe(25);
  });

  it('never throws when the Event cannot be written', () => {
    const { rec } = setup();
    const ghost: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', namespace: 'gone' } };
    expect(() => rec.event(ghost, 'Normal', 'R', 'm', SRC)).not.toThrow();
  });
});
