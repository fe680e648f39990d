// validateObject on update: immutable selectors, the Pod and StatefulSet update rules.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../types/object';
import { errorText } from '../fieldErrors';
import { defaultObject } from '../defaulting';
import { validateObject } from './index';
import { POD_UPDATE_FORBIDDEN } from './pod';
import { R, deployment, pod, podTemplate, check } from './testFixtures';

describe('validateObject on update', () => {
  it('deployment selector is immutable', () => {
    const next = deployment();
    (next.spec as Record<string, unknown>).selector = { matchLabels: { app: 'v2' } };
    (next.spec as Record<string, unknown>).template = podTemplate({ app: 'v2' });
    defaultObject(R.Deployment, next);
    const old = deployment();
    defaultObject(R.Deployment, old);
    const errs = validateObject(R.Deployment, next, old);
    expect(errs.map(errorText)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"v2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });

  it('pod: image change allowed, other spec changes forbidden', () => {
    const old = pod();
    defaultObject(R.Pod, old);
    const next = structuredClone(old);
    (next.spec as { containers: { image: string }[] }).containers[0]!.image = 'nginx:1.26';
    expect(check(R.Pod, next, old)).toEqual([]);
    const moved = pod();
    (moved.spec as Record<string, unknown>).nodeName = 'node-2';
    const errs = check(R.Pod, moved, pod());
    expect(errs).toEqual([['FieldValueForbidden', 'spec']]);
  });

  it('pod: tolerations may only be added', () => {
    const old = pod();
    (old.spec as Record<string, unknown>).tolerations = [{ key: 'a', operator: 'Exists' }];
    const added = structuredClone(old);
    (added.spec as { tolerations: unknown[] }).tolerations.push({ key: 'b', operator: 'Exists' });
    expect(check(R.Pod, added, structuredClone(old))).toEqual([]);
    const removed = structuredClone(old);
    (removed.spec as Record<string, unknown>).tolerations = [];
    expect(check(R.Pod, removed, structuredClone(old))).toEqual([
      ['FieldValueForbidden', 'spec.tolerations'],
    ]);
  });

  it('statefulset: only some spec fields may change', () => {
    const sts = (serviceName: string, replicas: number): KubeObject => ({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'd' },
      spec: { serviceName, replicas, selector: { matchLabels: { app: 'web' } }, template: podTemplate() },
    });
    expect(check(R.StatefulSet, sts('db', 5), sts('db', 1))).toEqual([]);
    expect(check(R.StatefulSet, sts('other', 1), sts('db', 1))).toEqual([['FieldValueForbidden', 'spec']]);
  });
});

describe('pod update message', () => {
  it('names the fields a pod update may change', () => {
    const old = pod();
    defaultObject(R.Pod, old);
    const next = structuredClone(old);
    (next.spec as Record<string, unknown>).nodeName = 'node-2';
    const [err] = validateObject(R.Pod, next, old);
    const text = errorText(err!);
    expect(text.startsWith(`spec: Forbidden: ${POD_UPDATE_FORBIDDEN}\n`)).toBe(true);
    expect(POD_UPDATE_FORBIDDEN).toBe(
      'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
    expect(text).toContain('+ \tNodeName: "node-2",');
  });
});
