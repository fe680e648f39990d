// The default profile matches default_plugins.go: filter order and score weights.
import { describe, expect, it } from 'vitest';
import { defaultPlugins, pluginByName } from './registry';
import { makeNode, makePod, nodeInfos, runScore } from './testHelpers';

describe('defaultPlugins', () => {
  it('filters run in getDefaultPlugins order', () => {
    expect(defaultPlugins().filter.map((p) => p.name)).toEqual([
      'NodeUnschedulable',
      'NodeName',
      'TaintToleration',
      'NodeAffinity',
      'NodePorts',
      'NodeResourcesFit',
      'VolumeRestrictions',
      'NodeVolumeLimits',
      'VolumeBinding',
      'VolumeZone',
      'PodTopologySpread',
      'InterPodAffinity',
    ]);
  });
  it('score weights', () => {
    expect(Object.fromEntries(defaultPlugins().score.map((s) => [s.plugin.name, s.weight]))).toEqual({
      TaintToleration: 3,
      NodeAffinity: 2,
      NodeResourcesFit: 1,
      PodTopologySpread: 2,
      InterPodAffinity: 2,
      NodeResourcesBalancedAllocation: 1,
      ImageLocality: 1,
    });
  });
  it('pluginByName passes args and rejects unknown names', () => {
    const most = pluginByName('NodeResourcesFit', {
      NodeResourcesFit: { scoringStrategy: { type: 'MostAllocated' } },
    });
    const infos = nodeInfos([makeNode('a', { allocatable: { cpu: '4', memory: '4Gi', pods: '10' } })]);
    const pod = makePod({ requests: [['2', '2Gi']] });
    expect(runScore(most as never, pod, infos).a).toBe(50);
    expect(pluginByName('NoSuchPlugin')).toBeUndefined();
    expect(pluginByName('toString')).toBeUndefined();
  });
});
