// kubectl describe volume printers (describe.go printVolumeSource and friends), one row per volume source kind.
import { describe, expect, it } from 'vitest';
import type { Volume } from 'kubernetes-types/core/v1';
import { DescribeWriter } from './writer';
import { describeVolumes } from './volumes';

const render = (volumes: Volume[], space = '') => {
  const w = new DescribeWriter();
  describeVolumes(w, volumes, space);
  return w.toString();
};

describe('describeVolumes (kubectl v1.31 describe.go)', () => {
  const cases: { name: string; input: Volume[]; expected: string }[] = [
    { name: 'no volumes', input: [], expected: 'Volumes:  <none>\n' },
    {
      name: 'emptyDir',
      input: [{ name: 'cache', emptyDir: {} }],
      expected:
        "Volumes:\n  cache:\n    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:     \n    SizeLimit:  <unset>\n",
    },
    {
      name: 'configMap',
      input: [{ name: 'cfg', configMap: { name: 'app' } }],
      expected:
        'Volumes:\n  cfg:\n    Type:      ConfigMap (a volume populated by a ConfigMap)\n    Name:      app\n    Optional:  false\n',
    },
    {
      name: 'secret',
      input: [{ name: 's', secret: { secretName: 'creds', optional: true } }],
      expected:
        'Volumes:\n  s:\n    Type:        Secret (a volume populated by a Secret)\n    SecretName:  creds\n    Optional:    true\n',
    },
    {
      name: 'persistentVolumeClaim',
      input: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-web-0' } }],
      expected:
        'Volumes:\n  data:\n    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:  data-web-0\n    ReadOnly:   false\n',
    },
    {
      name: 'hostPath',
      input: [{ name: 'h', hostPath: { path: '/var/log', type: 'Directory' } }],
      expected:
        'Volumes:\n  h:\n    Type:          HostPath (bare host directory volume)\n    Path:          /var/log\n    HostPathType:  Directory\n',
    },
    {
      name: 'the service account token volume',
      input: [
        {
          name: 'kube-api-access-abcde',
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              {
                downwardAPI: {
                  items: [{ path: 'namespace', fieldRef: { fieldPath: 'metadata.namespace' } }],
                },
              },
            ],
          },
        },
      ],
      expected:
        'Volumes:\n  kube-api-access-abcde:\n    Type:                    Projected (a volume that contains injected data from multiple sources)\n    TokenExpirationSeconds:  3607\n    ConfigMapName:           kube-root-ca.crt\n    ConfigMapOptional:       <nil>\n    DownwardAPI:             true\n',
    },
  ];
  for (const c of cases) it(c.name, () => expect(render(c.input)).toBe(c.expected));

  it('indents the volume name one more space inside a pod template', () => {
    expect(render([{ name: 'cfg', configMap: { name: 'app' } }], '  ')).toBe(
      '  Volumes:\n   cfg:\n    Type:      ConfigMap (a volume populated by a ConfigMap)\n    Name:      app\n    Optional:  false\n',
    );
  });
});
