// End-to-end tests of the other reading verbs: describe, events, api-resources, api-versions, version, cluster-info, help.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';

describe('reading verbs', () => {
  it('describe node shows the resource tables', () => {
    const r = createCluster({ nodes: 1 }).run('kubectl describe node node-1');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Name:\s+node-1\nRoles:\s+<none>\n/);
    expect(r.stdout).toContain('Non-terminated Pods:');
    expect(r.stdout).toContain(
      'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n',
    );
  });
  it('describe reports NotFound like kubectl', () => {
    const r = createCluster({ nodes: 1 }).run('kubectl describe pod nope');
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
    });
  });
  it('describe with a name prefix describes every match', () => {
    const r = createCluster({ nodes: 2 }).run('kubectl describe node node');
    expect(r.stdout.match(/^Name:/gm)?.length).toBe(2);
  });
  it('describe of several objects shows the events of each (DescribeOptions.Run: one DescriberSettings)', () => {
    const c = createCluster({ nodes: 1 });
    c.run('kubectl create service clusterip a --tcp=80');
    c.run('kubectl create service clusterip b --tcp=80');
    c.run('sim settle');
    const r = c.run('kubectl describe endpointslices');
    expect(r.stdout.match(/^Name:/gm)?.length).toBe(3);
    expect(r.stdout.match(/^Events:\s+<none>$/gm)?.length).toBe(3);
    expect(c.run('kubectl describe endpointslices --show-events=false').stdout).not.toContain('Events:');
  });
  it('describe service lists its endpoints', () => {
    const r = createCluster({ nodes: 1 }).run('kubectl describe svc kubernetes');
    expect(r.stdout).toMatch(/\nPort:\s+https\s+443\/TCP\nTargetPort:\s+6443\/TCP\n/);
  });
  it('events says so when there are none', () => {
    expect(createCluster({ nodes: 1 }).run('kubectl events -n kube-public').stderr).toBe(
      'No events found in kube-public namespace.\n',
    );
  });
  it('events validates --types', () => {
    expect(createCluster({ nodes: 1 }).run('kubectl events --types Bogus').stderr).toBe(
      'error: valid --types are Normal or Warning\n',
    );
  });
  it('api-resources is sorted by group then name and filters --namespaced', () => {
    const c = createCluster({ nodes: 1 });
    const lines = c.run('kubectl api-resources').stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/);
    const firstApps = lines.findIndex((l) => l.includes(' apps/v1 '));
    const lastCore = lines.map((l) => /\sv1\s/.test(l)).lastIndexOf(true);
    expect(lastCore).toBeLessThan(firstApps);
    expect(lines.find((l) => l.startsWith('pods '))).toMatch(/^pods\s+po\s+v1\s+true\s+Pod$/);
    const cluster = c.run('kubectl api-resources --namespaced=false -o name').stdout;
    expect(cluster).toContain('nodes\n');
    expect(cluster).not.toContain('pods\n');
  });
  it('api-versions lists group/versions sorted', () => {
    const out = createCluster({ nodes: 1 }).run('kubectl api-versions').stdout.trimEnd().split('\n');
    expect(out).toContain('apps/v1');
    expect(out[out.length - 1]).toBe('v1');
  });
  it('version', () => {
    expect(createCluster({ nodes: 1 }).run('kubectl version').stdout).toBe(
      'Client Version: v1.35.0\nKustomize Version: v5.7.1\nServer Version: v1.35.0\n',
    );
    expect(createCluster({ nodes: 1 }).run('kubectl version --client').stdout).not.toContain('Server');
  });
  it('version -o json: the server adds the emulation and min-compatibility fields, in version.Info order', () => {
    const v = JSON.parse(createCluster({ nodes: 1 }).run('kubectl version -o json').stdout) as Record<
      string,
      Record<string, string>
    >;
    expect(Object.keys(v)).toEqual(['clientVersion', 'kustomizeVersion', 'serverVersion']);
    expect(Object.keys(v.clientVersion ?? {})).toEqual([
      'major',
      'minor',
      'gitVersion',
      'gitCommit',
      'gitTreeState',
      'buildDate',
      'goVersion',
      'compiler',
      'platform',
    ]);
    expect(v.serverVersion).toEqual({
      major: '1',
      minor: '35',
      emulationMajor: '1',
      emulationMinor: '35',
      minCompatibilityMajor: '1',
      minCompatibilityMinor: '34',
      gitVersion: 'v1.35.0',
      gitCommit: '66452049f3d692768c39c797b21b793dce80314e',
      gitTreeState: 'clean',
      buildDate: '2025-12-17T12:32:07Z',
      goVersion: 'go1.25.5',
      compiler: 'gc',
      platform: 'linux/amd64',
    });
  });
  it('cluster-info', () => {
    const out = createCluster({ nodes: 1 }).run('kubectl cluster-info').stdout;
    expect(out.startsWith('Kubernetes control plane is running at https://127.0.0.1:6443\n')).toBe(true);
    expect(
      out.endsWith("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n"),
    ).toBe(true);
  });
  it('cluster-info lists CoreDNS once kube-dns exists', () => {
    const line =
      'CoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n';
    // kubeadm's CoreDNS add-on creates kube-dns with every cluster
    expect(createCluster({ nodes: 1 }).run('kubectl cluster-info').stdout).toContain(line);
    // a bare cluster has no kube-dns until someone creates it
    const c = createCluster({ nodes: 1, controlPlane: false });
    expect(c.run('kubectl cluster-info').stdout).not.toContain('CoreDNS');
    c.runtime.api.create(
      'services',
      'kube-system',
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: {
          name: 'kube-dns',
          namespace: 'kube-system',
          labels: {
            'k8s-app': 'kube-dns',
            'kubernetes.io/cluster-service': 'true',
            'kubernetes.io/name': 'CoreDNS',
          },
        },
        spec: {
          clusterIP: '10.96.0.10',
          ports: [{ name: 'dns', port: 53, protocol: 'UDP' }],
          selector: { 'k8s-app': 'kube-dns' },
        },
      },
      { actor: 'test' },
    );
    expect(c.run('kubectl cluster-info').stdout).toContain(line);
  });
  it('bare kubectl prints the help', () => {
    const out = createCluster({ nodes: 1 }).run('kubectl').stdout;
    expect(out.startsWith('kubectl controls the Kubernetes cluster manager.\n')).toBe(true);
    expect(out).toMatch(/\n {2}get {13}Display one or many resources\n/);
  });
});

describe('events end to end', () => {
  function withPodEvent() {
    const c = createCluster({ nodes: 1 });
    const pod = c.runtime.api.create(
      'pods',
      'default',
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web' },
        spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
      },
      { actor: 'test' },
    );
    c.runtime.events.event(pod, 'Warning', 'FailedScheduling', '0/2 nodes are available', {
      component: 'default-scheduler',
    });
    return c;
  }
  it('kubectl events lists Kind/Name', () => {
    const out = withPodEvent().run('kubectl events').stdout;
    expect(out).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n/);
    expect(out).toMatch(/\n0s\s+Warning\s+FailedScheduling\s+Pod\/web\s+0\/2 nodes are available\n$/);
    // the kubelets' node Events share the default namespace (client-go tools/record makeEvent)
    expect(out).toMatch(/\n0s\s+Normal\s+Starting\s+Node\/node-1\s+Starting kubelet\.\n/);
  });
  it('kubectl events --for and --types filter', () => {
    const c = withPodEvent();
    expect(c.run('kubectl events --for pod/web --types Warning').stdout).toContain('FailedScheduling');
    expect(c.run('kubectl events --for pod/web --types Normal').stderr).toBe(
      'No events found in default namespace.\n',
    );
  });
  it('kubectl get events uses the lower-case kind/name OBJECT column', () => {
    expect(withPodEvent().run('kubectl get events').stdout).toMatch(
      /\n0s\s+Warning\s+FailedScheduling\s+pod\/web\s+0\/2 nodes/,
    );
  });
  it('kubectl describe pod ends with its events', () => {
    const out = withPodEvent().run('kubectl describe pod web').stdout;
    expect(out).toMatch(
      /\nEvents:\n {2}Type\s+Reason\s+Age\s+From\s+Message\n {2}----\s+------\s+----\s+----\s+-------\n {2}Warning\s+FailedScheduling\s+0s\s+default-scheduler\s+0\/2 nodes are available\n$/,
    );
    expect(out).toMatch(/^Name:\s+web\nNamespace:\s+default\n/);
    expect(out).toMatch(/\nStatus:\s+Pending\n/);
  });
});
