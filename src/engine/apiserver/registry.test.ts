import { describe, expect, it } from 'vitest';
import { RESOURCES, isUnknownResource, resolveKind, resolveResource } from './registry';
import { StatusError } from './types';

describe('resolveResource', () => {
  const cases: { input: string; plural: string; group: string }[] = [
    { input: 'pods', plural: 'pods', group: '' },
    { input: 'pod', plural: 'pods', group: '' },
    { input: 'po', plural: 'pods', group: '' },
    { input: 'Pod', plural: 'pods', group: '' },
    { input: 'PODS', plural: 'pods', group: '' },
    { input: 'deploy', plural: 'deployments', group: 'apps' },
    { input: 'deployments.apps', plural: 'deployments', group: 'apps' },
    { input: 'deployment.apps', plural: 'deployments', group: 'apps' },
    { input: 'deployments.v1.apps', plural: 'deployments', group: 'apps' },
    { input: 'ep', plural: 'endpoints', group: '' },
    { input: 'endpointslices', plural: 'endpointslices', group: 'discovery.k8s.io' },
    { input: 'endpointslices.discovery.k8s.io', plural: 'endpointslices', group: 'discovery.k8s.io' },
    { input: 'hpa', plural: 'horizontalpodautoscalers', group: 'autoscaling' },
    { input: 'netpol', plural: 'networkpolicies', group: 'networking.k8s.io' },
    { input: 'pc', plural: 'priorityclasses', group: 'scheduling.k8s.io' },
    { input: 'sc', plural: 'storageclasses', group: 'storage.k8s.io' },
    { input: 'pdb', plural: 'poddisruptionbudgets', group: 'policy' },
    { input: 'ns', plural: 'namespaces', group: '' },
    { input: 'no', plural: 'nodes', group: '' },
    { input: 'sts', plural: 'statefulsets', group: 'apps' },
    { input: 'ds', plural: 'daemonsets', group: 'apps' },
    { input: 'rs', plural: 'replicasets', group: 'apps' },
    { input: 'rc', plural: 'replicationcontrollers', group: '' },
    { input: 'ev', plural: 'events', group: '' },
    { input: 'lease', plural: 'leases', group: 'coordination.k8s.io' },
    { input: 'controllerrevision', plural: 'controllerrevisions', group: 'apps' },
  ];
  for (const c of cases) {
    it(`resolves ${c.input}`, () => {
      const r = resolveResource(c.input);
      expect([r.plural, r.group]).toEqual([c.plural, c.group]);
    });
  }

  it('refuses an unknown name with kubectl words', () => {
    let err: unknown;
    try {
      resolveResource('deploymnets');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StatusError);
    expect((err as StatusError).status.reason).toBe('NotFound');
    expect((err as StatusError).message).toBe('the server doesn\'t have a resource type "deploymnets"');
    expect(isUnknownResource(err)).toBe(true);
  });

  it('resolves manifests by apiVersion and kind, and refuses a wrong version', () => {
    expect(resolveKind('apps/v1', 'Deployment').plural).toBe('deployments');
    expect(resolveKind('v1', 'ConfigMap').plural).toBe('configmaps');
    expect(() => resolveKind('v1', 'Deployment')).toThrow('no matches for kind "Deployment" in version "v1"');
  });

  it('lists namespaces without deletecollection and everything else with all eight verbs', () => {
    expect(resolveResource('ns').verbs).toEqual([
      'create',
      'delete',
      'get',
      'list',
      'patch',
      'update',
      'watch',
    ]);
    expect(resolveResource('pods').verbs).toHaveLength(8);
    expect(
      RESOURCES.filter((r) => !r.namespaced)
        .map((r) => r.plural)
        .sort(),
    ).toEqual(['namespaces', 'nodes', 'persistentvolumes', 'priorityclasses', 'storageclasses']);
  });
});
