// ServiceAccount controllers end to end: default accounts, token Secrets, kube-root-ca.crt and the mounted files.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import { decodeBase64 } from './base64';
import { decodeClaims } from './jwt';
import type { KubeObject } from '../../types/object';

const dataOf = (o: KubeObject) => (o as { data?: Record<string, string> }).data ?? {};

const tokenSecret = (name: string, sa: string) => `apiVersion: v1
kind: Secret
metadata:
  name: ${name}
  annotations:
    kubernetes.io/service-account.name: ${sa}
type: kubernetes.io/service-account-token
`;

describe('serviceaccounts-controller', () => {
  it('creates default in a new namespace and recreates it when deleted', () => {
    const c = createCluster({ seed: 2, nodes: 1 });
    c.run('kubectl create namespace team');
    c.run('sim advance 1s');
    expect(c.run('kubectl get sa -n team -o name').stdout).toBe('serviceaccount/default\n');
    const uid = c.runtime.api.get('serviceaccounts', 'team', 'default').metadata.uid;
    c.run('kubectl delete sa default -n team');
    c.run('sim advance 1s');
    const again = c.runtime.api.get('serviceaccounts', 'team', 'default');
    expect(again.metadata.uid).not.toBe(uid);
  });

  it('admits a pod created right after its namespace, before the controller ran', () => {
    const c = createCluster({ seed: 2, nodes: 1 });
    c.run('kubectl create namespace fresh');
    expect(c.run('kubectl run p --image=nginx -n fresh').stdout).toBe('pod/p created\n');
  });
});

describe('root-ca-cert-publisher', () => {
  it('publishes kube-root-ca.crt in every namespace, restoring it when deleted or edited', () => {
    const c = createCluster({ seed: 2, nodes: 1 });
    c.run('kubectl create namespace team');
    c.run('sim advance 1s');
    const get = () =>
      c.runtime.api.get('configmaps', 'team', 'kube-root-ca.crt') as {
        data?: Record<string, string>;
        metadata: { annotations?: Record<string, string> };
      };
    const ca = get().data?.['ca.crt'] ?? '';
    expect(ca).toMatch(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n$/);
    expect(get().metadata.annotations?.['kubernetes.io/description']).toMatch(/^Contains a CA bundle/);
    // the same CA everywhere in the cluster
    const sys = c.runtime.api.get('configmaps', 'kube-system', 'kube-root-ca.crt') as {
      data?: Record<string, string>;
    };
    expect(sys.data?.['ca.crt']).toBe(ca);

    c.run('kubectl delete configmap kube-root-ca.crt -n team');
    c.run('sim advance 1s');
    expect(get().data?.['ca.crt']).toBe(ca);

    c.run(
      `kubectl patch configmap kube-root-ca.crt -n team --type merge -p {"data":{"ca.crt":"x","extra":"y"}}`,
    );
    c.run('kubectl annotate configmap kube-root-ca.crt -n team kubernetes.io/description-');
    c.run('sim advance 1s');
    expect(get().data).toEqual({ 'ca.crt': ca });
    expect(get().metadata.annotations?.['kubernetes.io/description']).toMatch(/^Contains a CA bundle/);
  });

  it('derives the CA from the seed: same seed same CA, other seed other CA', () => {
    const ca = (seed: number) =>
      dataOf(createCluster({ seed, nodes: 1 }).runtime.api.get('configmaps', 'default', 'kube-root-ca.crt'))[
        'ca.crt'
      ];
    expect(ca(5)).toBe(ca(5));
    expect(ca(5)).not.toBe(ca(6));
  });
});

describe('tokens controller', () => {
  it('fills token, ca.crt and namespace of a service-account-token Secret and deletes it with its account', () => {
    const c = createCluster({ seed: 3, nodes: 1 });
    c.run('kubectl apply -f -', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: robot\n');
    expect(c.run('kubectl apply -f -', tokenSecret('robot-token', 'robot')).code).toBe(0);
    c.run('sim advance 1s');
    const secret = c.runtime.api.get('secrets', 'default', 'robot-token') as {
      data?: Record<string, string>;
      metadata: { annotations?: Record<string, string> };
    };
    const sa = c.runtime.api.get('serviceaccounts', 'default', 'robot');
    expect(Object.keys(secret.data ?? {})).toEqual(['ca.crt', 'namespace', 'token']);
    expect(decodeBase64(secret.data?.namespace ?? '')).toBe('default');
    const cm = { data: dataOf(c.runtime.api.get('configmaps', 'default', 'kube-root-ca.crt')) };
    expect(decodeBase64(secret.data?.['ca.crt'] ?? '')).toBe(cm.data['ca.crt']);
    expect(secret.metadata.annotations?.['kubernetes.io/service-account.uid']).toBe(sa.metadata.uid);
    const token = decodeBase64(secret.data?.token ?? '') ?? '';
    expect(token.split('.')).toHaveLength(3);
    expect(decodeClaims(token)).toEqual({
      iss: 'kubernetes/serviceaccount',
      'kubernetes.io/serviceaccount/namespace': 'default',
      'kubernetes.io/serviceaccount/secret.name': 'robot-token',
      'kubernetes.io/serviceaccount/service-account.name': 'robot',
      'kubernetes.io/serviceaccount/service-account.uid': sa.metadata.uid,
      sub: 'system:serviceaccount:default:robot',
    });

    c.run('kubectl delete serviceaccount robot');
    c.run('sim advance 1s');
    expect(c.run('kubectl get secret robot-token').stderr).toBe(
      'Error from server (NotFound): secrets "robot-token" not found\n',
    );
  });

  it('deletes a token Secret naming an account that does not exist', () => {
    const c = createCluster({ seed: 3, nodes: 1 });
    c.run('kubectl apply -f -', tokenSecret('ghost-token', 'ghost'));
    c.run('sim advance 1s');
    expect(c.run('kubectl get secrets -o name').stdout).not.toContain('ghost-token');
  });
});

describe('projected service account volume end to end', () => {
  it('mounts token, ca.crt and namespace into the pod, readable with kubectl exec cat', () => {
    const c = createCluster({ seed: 4, nodes: 1 });
    c.run('kubectl create namespace team');
    c.run('kubectl run web --image=nginx -n team');
    c.run('sim settle');
    const dir = '/var/run/secrets/kubernetes.io/serviceaccount';
    expect(c.run(`kubectl exec web -n team -- cat ${dir}/namespace`)).toEqual({
      code: 0,
      stdout: 'team',
      stderr: '',
    });
    const cm = { data: dataOf(c.runtime.api.get('configmaps', 'team', 'kube-root-ca.crt')) };
    expect(c.run(`kubectl exec web -n team -- cat ${dir}/ca.crt`).stdout).toBe(cm.data['ca.crt']);
    const token = c.run(`kubectl exec web -n team -- cat ${dir}/token`).stdout;
    const claims = decodeClaims(token) as Record<string, unknown> & {
      'kubernetes.io': Record<string, unknown>;
      exp: number;
      iat: number;
    };
    const pod = c.runtime.api.get('pods', 'team', 'web');
    const sa = c.runtime.api.get('serviceaccounts', 'team', 'default');
    expect(claims.sub).toBe('system:serviceaccount:team:default');
    expect(claims.aud).toEqual(['https://kubernetes.default.svc.cluster.local']);
    expect(claims.exp - claims.iat).toBe(31536000);
    expect(claims['kubernetes.io']).toMatchObject({
      namespace: 'team',
      pod: { name: 'web', uid: pod.metadata.uid },
      serviceaccount: { name: 'default', uid: sa.metadata.uid },
      warnafter: claims.iat + 3607,
    });
    // the same token on every read (the kubelet's cached TokenRequest)
    expect(c.run(`kubectl exec web -n team -- cat ${dir}/token`).stdout).toBe(token);
    expect(c.run(`kubectl exec web -n team -- cat ${dir}/nope`).stderr).toBe(
      `cat: ${dir}/nope: No such file or directory\ncommand terminated with exit code 1\n`,
    );
  });

  it('describes the volume and mount as kubectl does', () => {
    const c = createCluster({ seed: 4, nodes: 1 });
    c.run('kubectl run web --image=nginx');
    const vol = (c.runtime.api.get('pods', 'default', 'web').spec as { volumes: { name: string }[] })
      .volumes[0]?.name;
    expect(vol).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const out = c.run('kubectl describe pod web').stdout;
    expect(out).toContain(`      /var/run/secrets/kubernetes.io/serviceaccount from ${vol} (ro)\n`);
    expect(out).toContain(
      `Volumes:
  ${vol}:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
`,
    );
  });
});

describe('kubectl create token', () => {
  it('prints a bound token for the account, an hour by default', () => {
    const c = createCluster({ seed: 5, nodes: 1 });
    const out = c.run('kubectl create token default');
    expect(out.code).toBe(0);
    const claims = decodeClaims(out.stdout.trim()) as { exp: number; iat: number; sub: string; jti: string };
    expect(claims.exp - claims.iat).toBe(3600);
    expect(claims.sub).toBe('system:serviceaccount:default:default');
    const again = decodeClaims(
      c.run('kubectl create token default --duration 2h').stdout.trim(),
    ) as typeof claims;
    expect(again.exp - again.iat).toBe(7200);
    expect(again.jti).not.toBe(claims.jti);
  });

  const errors = [
    {
      name: 'missing account',
      cmd: 'kubectl create token nope',
      expected: 'error: failed to create token: serviceaccounts "nope" not found\n',
    },
    {
      name: 'too short',
      cmd: 'kubectl create token default --duration 1m',
      expected:
        'error: failed to create token: TokenRequest.authentication.k8s.io "default" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes\n',
    },
    {
      name: 'sub-second',
      cmd: 'kubectl create token default --duration 1500ms',
      expected: 'error: --duration cannot be expressed in units less than seconds\n',
    },
  ];
  for (const e of errors)
    it(`refuses: ${e.name}`, () => {
      const c = createCluster({ seed: 5, nodes: 1 });
      expect(c.run(e.cmd)).toEqual({ code: 1, stdout: '', stderr: e.expected });
    });
});
