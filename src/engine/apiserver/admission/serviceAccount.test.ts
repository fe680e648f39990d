// ServiceAccount admission: the default account, the projected kube-api-access volume and its mounts, automount opt-outs.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KubeObject } from '../../types/object';
import { KUBECTL, newTestApi, pod, statusOf } from '../testSupport';
import { DEFAULT_API_TOKEN_MOUNT_PATH, mountServiceAccountToken, shouldAutomount } from './serviceAccount';

interface Mount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
}
interface Spec {
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  volumes?: { name: string; projected?: unknown }[];
  containers: { name: string; volumeMounts?: Mount[] }[];
  initContainers?: { name: string; volumeMounts?: Mount[] }[];
  imagePullSecrets?: { name: string }[];
}
const specOf = (o: KubeObject) => o.spec as unknown as Spec;
const tokenVolumes = (s: Spec) => (s.volumes ?? []).filter((v) => v.name.startsWith('kube-api-access-'));

describe('ServiceAccount admission: kube-api-access volume', () => {
  const cases: {
    name: string;
    spec?: Record<string, unknown>;
    sa?: Record<string, unknown>;
    mounted: boolean;
  }[] = [
    { name: 'plain pod', mounted: true },
    { name: 'pod opts out', spec: { automountServiceAccountToken: false }, mounted: false },
    { name: 'account opts out', sa: { automountServiceAccountToken: false }, mounted: false },
    {
      name: "pod's preference wins over the account's",
      spec: { automountServiceAccountToken: true },
      sa: { automountServiceAccountToken: false },
      mounted: true,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { api } = newTestApi();
      api.create(
        'serviceaccounts',
        'default',
        { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot' }, ...c.sa },
        KUBECTL,
      );
      const s = specOf(
        api.create('pods', 'default', pod('p', { serviceAccountName: 'robot', ...c.spec }), KUBECTL),
      );
      expect(tokenVolumes(s)).toHaveLength(c.mounted ? 1 : 0);
      expect(
        s.containers[0]?.volumeMounts?.some((m) => m.mountPath === DEFAULT_API_TOKEN_MOUNT_PATH) ?? false,
      ).toBe(c.mounted);
    });
  }

  it('writes the projected source as the API server stores it', () => {
    const { api } = newTestApi();
    const s = specOf(api.create('pods', 'default', pod('p'), KUBECTL));
    const [vol] = tokenVolumes(s);
    expect(vol?.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(vol?.projected).toEqual({
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        {
          downwardAPI: {
            items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
          },
        },
      ],
    });
    expect(s.containers[0]?.volumeMounts).toEqual([
      { mountPath: DEFAULT_API_TOKEN_MOUNT_PATH, name: vol?.name, readOnly: true },
    ]);
  });

  it('does not shift the uids and generated names the API server draws', () => {
    const draw = (automount: boolean) => {
      const { api } = newTestApi();
      const generated = (spec: Record<string, unknown>) => ({
        ...pod('', spec),
        metadata: { generateName: 'w-' },
      });
      const a = api.create(
        'pods',
        'default',
        generated({ automountServiceAccountToken: automount }),
        KUBECTL,
      );
      const b = api.create('pods', 'default', generated({}), KUBECTL);
      return [a.metadata.name, a.metadata.uid, b.metadata.name, b.metadata.uid];
    };
    expect(draw(true)).toEqual(draw(false));
  });

  it('refuses a pod whose named ServiceAccount is missing', () => {
    const { api } = newTestApi();
    expect(
      statusOf(() => api.create('pods', 'default', pod('p', { serviceAccountName: 'nope' }), KUBECTL))
        .message,
    ).toBe(
      'pods "p" is forbidden: error looking up service account default/nope: serviceaccount "nope" not found',
    );
  });

  it("copies the account's imagePullSecrets when the pod has none", () => {
    const { api } = newTestApi();
    api.create(
      'serviceaccounts',
      'default',
      {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'puller' },
        imagePullSecrets: [{ name: 'reg' }],
      },
      KUBECTL,
    );
    const s = specOf(api.create('pods', 'default', pod('p', { serviceAccountName: 'puller' }), KUBECTL));
    expect(s.imagePullSecrets).toEqual([{ name: 'reg' }]);
  });
});

describe('mountServiceAccountToken', () => {
  const gen = (p: string) => `${p}abcde`;
  it('mounts init containers and containers, skipping one with a mount at the path already', () => {
    const spec: Spec = {
      initContainers: [{ name: 'init' }],
      containers: [
        { name: 'a' },
        { name: 'b', volumeMounts: [{ name: 'mine', mountPath: DEFAULT_API_TOKEN_MOUNT_PATH }] },
      ],
      volumes: [{ name: 'mine' }],
    };
    mountServiceAccountToken(spec, gen);
    expect(spec.initContainers?.[0]?.volumeMounts?.[0]?.name).toBe('kube-api-access-abcde');
    expect(spec.containers[0]?.volumeMounts?.[0]?.name).toBe('kube-api-access-abcde');
    expect(spec.containers[1]?.volumeMounts).toEqual([
      { name: 'mine', mountPath: DEFAULT_API_TOKEN_MOUNT_PATH },
    ]);
    expect(spec.volumes?.map((v) => v.name)).toEqual(['mine', 'kube-api-access-abcde']);
  });

  it('adds no volume when every container mounts the path itself', () => {
    const spec: Spec = {
      containers: [{ name: 'a', volumeMounts: [{ name: 'x', mountPath: DEFAULT_API_TOKEN_MOUNT_PATH }] }],
    };
    mountServiceAccountToken(spec, gen);
    expect(spec.volumes).toBeUndefined();
  });

  it('reuses an existing kube-api-access-* volume', () => {
    const spec: Spec = { containers: [{ name: 'a' }], volumes: [{ name: 'kube-api-access-zzzzz' }] };
    mountServiceAccountToken(spec, gen);
    expect(spec.volumes).toEqual([{ name: 'kube-api-access-zzzzz' }]);
    expect(spec.containers[0]?.volumeMounts?.[0]?.name).toBe('kube-api-access-zzzzz');
  });

  it('property: every container ends with exactly one mount at the token path', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), (own) => {
        const spec: Spec = {
          containers: own.map((has, i) => ({
            name: `c${i}`,
            ...(has ? { volumeMounts: [{ name: 'x', mountPath: DEFAULT_API_TOKEN_MOUNT_PATH }] } : {}),
          })),
        };
        mountServiceAccountToken(spec, gen);
        for (const c of spec.containers)
          expect(c.volumeMounts?.filter((m) => m.mountPath === DEFAULT_API_TOKEN_MOUNT_PATH)).toHaveLength(1);
        expect(tokenVolumes(spec)).toHaveLength(own.every(Boolean) ? 0 : 1);
      }),
    );
  });

  it('shouldAutomount: pod, then account, then true', () => {
    expect(shouldAutomount(undefined, {})).toBe(true);
    expect(
      shouldAutomount({ metadata: {}, automountServiceAccountToken: false } as unknown as KubeObject, {}),
    ).toBe(false);
    expect(shouldAutomount(undefined, { automountServiceAccountToken: false })).toBe(false);
  });
});
