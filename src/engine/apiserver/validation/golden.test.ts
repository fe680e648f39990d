// Exact error texts, compared with what kube-apiserver prints.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../types/object';
import type { ResourceInfo } from '../types';
import { errorText } from '../fieldErrors';
import { defaultObject } from '../defaulting';
import { validateObject } from './index';
import { R, deployment, pod, podTemplate, service, withSpec } from './testFixtures';

describe('golden messages', () => {
  const text = (resource: ResourceInfo, obj: KubeObject): string[] => {
    defaultObject(resource, obj);
    return validateObject(resource, obj).map(errorText);
  };

  it('spec.replicas', () => {
    expect(text(R.Deployment, withSpec(deployment, (s) => (s.replicas = -1))())).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });

  it('selector does not match template labels', () => {
    expect(
      text(R.Deployment, withSpec(deployment, (s) => (s.template = podTemplate({ app: 'x' })))()),
    ).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
    ]);
  });

  it('empty selector', () => {
    expect(text(R.Deployment, withSpec(deployment, (s) => (s.selector = {}))())).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ]);
  });

  it('maxUnavailable with maxSurge 0', () => {
    expect(
      text(
        R.Deployment,
        withSpec(deployment, (s) => (s.strategy = { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }))(),
      ),
    ).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ]);
  });

  it('DNS-1123 subdomain name', () => {
    expect(text(R.Deployment, withSpec(deployment, (_s, o) => (o.metadata.name = 'My_App'))())).toEqual([
      "metadata.name: Invalid value: \"My_App\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });

  it('DNS-1035 service name (double space before "or")', () => {
    expect(text(R.Service, withSpec(service, (_s, o) => (o.metadata.name = 'Web'))())).toEqual([
      "metadata.name: Invalid value: \"Web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });

  it('name required, restartPolicy unsupported, requests over limit', () => {
    const p = pod();
    delete p.metadata.name;
    Object.assign(p.spec as object, {
      restartPolicy: 'Sometimes',
      containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '1' }, requests: { cpu: '2' } } }],
    });
    expect(text(R.Pod, p)).toEqual([
      'metadata.name: Required value: name or generateName is required',
      'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
  });

  it('HPA maxReplicas 0 (Kubernetes says "must be greater than 0")', () => {
    const hpa: KubeObject = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'h', namespace: 'd' },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 0 },
    };
    expect(text(R.HorizontalPodAutoscaler, hpa)).toEqual([
      'spec.maxReplicas: Invalid value: 0: must be greater than 0',
      'spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`',
    ]);
  });
});
