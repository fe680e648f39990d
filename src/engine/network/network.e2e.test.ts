// End to end through createCluster(): kubectl exec curl / nslookup / cat, sim curl, sim trace, sim cni, per CNI plugin.
import { describe, expect, it } from 'vitest';
import { CLIENT, NetTestCluster, WEB } from './testCluster';
import { ALL_CNI } from './cni/index';
import type { CniName } from '../cluster/types';

function webCluster(cni: CniName = 'calico') {
  const t = new NetTestCluster(cni);
  t.dns();
  t.pod(CLIENT);
  const pods = [WEB(1, 'node-1'), WEB(2, 'node-2'), WEB(3, 'node-2', false)];
  for (const p of pods) t.pod(p);
  t.service('web', { clusterIP: '10.96.0.50', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }, pods);
  return t;
}

const denyAll = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'default-deny', namespace: 'default' },
  spec: { podSelector: {}, policyTypes: ['Ingress'] },
};

describe('kubectl exec -- curl', () => {
  it('spreads over ready endpoints only', () => {
    const t = webCluster();
    const bodies = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const r = t.exec('client -- curl -s http://web');
      expect(r.code).toBe(0);
      bodies.add(r.stdout);
    }
    expect([...bodies].sort()).toEqual(['Hello from web-7d4b9c-1\n', 'Hello from web-7d4b9c-2\n']);
  });

  it('resolves web.default, the FQDN and a pod IP', () => {
    const t = webCluster();
    expect(t.exec('client -- curl http://web.default.svc.cluster.local:80/').code).toBe(0);
    expect(t.exec('client -- curl http://web.default/').code).toBe(0);
    expect(t.exec('client -- curl http://10.244.2.12:80/').stdout).toBe('Hello from web-7d4b9c-2\n');
  });

  it('fails like curl: unknown host, no endpoints, wrong port', () => {
    const t = webCluster();
    t.service('empty', { clusterIP: '10.96.0.60', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }, []);
    expect(t.exec('client -- curl http://nope')).toEqual({
      code: 6,
      stdout: '',
      stderr: 'curl: (6) Could not resolve host: nope\ncommand terminated with exit code 6\n',
    });
    expect(t.exec('client -- curl http://empty').stderr).toBe(
      'curl: (7) Failed to connect to empty port 80 after 0 ms: Connection refused\ncommand terminated with exit code 7\n',
    );
    expect(t.exec('client -- curl -s http://empty').stderr).toBe('command terminated with exit code 7\n');
  });

  for (const cni of ALL_CNI)
    it(`a default-deny policy ${cni === 'flannel' ? 'is NOT enforced' : 'blocks curl'} under ${cni}`, () => {
      const t = webCluster(cni);
      t.apply(denyAll);
      const r = t.exec('client -- curl --max-time 5 http://web');
      if (cni === 'flannel') expect(r.code).toBe(0);
      else
        expect(r).toEqual({
          code: 28,
          stdout: '',
          stderr:
            'curl: (28) Connection timed out after 5001 milliseconds\ncommand terminated with exit code 28\n',
        });
    });

  it('-v shows the hop-by-hop path with the kube-proxy DNAT', () => {
    const r = webCluster('flannel').exec('client -- curl -v http://web');
    expect(r.stderr).toContain('kube-proxy iptables KUBE-SVC: default/web:http 10.96.0.50:80 -> DNAT');
    expect(r.stderr).toContain('< HTTP/1.1 200 OK');
  });
});

describe('sim trace and sim cni', () => {
  const marks: Record<string, string> = {
    flannel: 'flannel.1',
    calico: 'tunl0',
    cilium: 'bpf_lxc',
    antrea: 'br-int',
    weave: 'vxlan-6784',
  };
  for (const cni of ALL_CNI)
    it(`trace under ${cni} shows its datapath`, () => {
      const t = webCluster(cni);
      const r = t.sim('trace client -> web-7d4b9c-2');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(marks[cni]);
      for (const other of ALL_CNI) if (other !== cni) expect(r.stdout).not.toContain(marks[other]);
      expect(r.stdout).toMatch(/result: delivered to default\/web-7d4b9c-2/);
    });
  it('trace to a service shows the policy drop under calico', () => {
    const t = webCluster('calico');
    t.apply(denyAll);
    const r = t.sim('trace client -> web:80');
    expect(r.stdout).toContain('Felix iptables cali-tw-');
    expect(r.stdout).toContain('result: DROPPED');
  });
  it('compare table lists all five from the models', () => {
    const out = new NetTestCluster('flannel').sim('cni compare').stdout;
    expect(out.split('\n')[0]).toMatch(/^PLUGIN\s+NETWORKING\s+IPAM\s+POLICY\s+ENCRYPTION\s+OBSERVABILITY$/);
    expect(out).toMatch(/flannel\s+VXLAN overlay/);
    expect(out).toMatch(/cilium .*L3\/L4 \+ L7 \(HTTP\)/);
  });
  it('cilium keeps a Hubble flow log with drops, and L7 rules answer 403', () => {
    const t = webCluster('cilium');
    t.exec('client -- curl -s http://web');
    t.apply({
      ...denyAll,
      metadata: {
        name: 'l7',
        namespace: 'default',
        annotations: { 'policy.cilium.io/l7-http': '[{"method":"GET","path":"/public.*"}]' },
      },
      spec: {
        podSelector: { matchLabels: { app: 'web' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }] }],
      },
    });
    expect(t.exec('client -- curl -s http://web/public/x').stdout).toMatch(/^Hello from/);
    expect(t.exec('client -- curl -s http://web/admin').stdout).toBe('Access denied\r\n');
    t.apply({
      ...denyAll,
      metadata: { name: 'l7', namespace: 'default' },
      spec: { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] },
    });
    t.exec('client -- curl -s --max-time 1 http://web');
    const flows = t.sim('cni flows').stdout;
    expect(flows).toMatch(
      /default\/client \(ID:\d+\) -> default\/web-7d4b9c-\d:80 \(ID:\d+\) to-endpoint FORWARDED/,
    );
    expect(flows).toMatch(/Policy denied DROPPED \(TCP Flags: SYN\)/);
    expect(new NetTestCluster('calico').sim('cni flows').code).toBe(1);
  });
  it('sim curl reaches a NodePort from outside; externalTrafficPolicy Local drops on a node without endpoints', () => {
    const t = webCluster('calico');
    const pods = [WEB(1, 'node-1')];
    t.service(
      'np',
      {
        type: 'NodePort',
        externalTrafficPolicy: 'Local',
        ports: [{ name: 'http', port: 80, nodePort: 30080, protocol: 'TCP' }],
      },
      pods,
    );
    const ip = (n: string) =>
      (
        t.rt.api.get('nodes', undefined, n) as unknown as {
          status: { addresses: { type: string; address: string }[] };
        }
      ).status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '';
    expect(t.sim(`curl http://${ip('node-1')}:30080/`).stdout).toBe('Hello from web-7d4b9c-1\n');
    expect(t.sim(`curl --max-time 2 http://${ip('node-2')}:30080/`).code).toBe(28);
  });
});

describe('kubectl exec -- nslookup / cat / hostname', () => {
  function dnsCluster() {
    const t = webCluster('flannel');
    const sts = [0, 1].map((i) => ({
      name: `db-${i}`,
      node: 'node-2',
      ip: `10.244.2.${40 + i}`,
      hostname: `db-${i}`,
      subdomain: 'db',
      labels: { app: 'db' },
    }));
    for (const p of sts) t.pod(p);
    t.service(
      'db',
      { clusterIP: 'None', ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] },
      sts,
      'default',
      'pg',
      5432,
    );
    t.apply({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'ext', namespace: 'default' },
      spec: { type: 'ExternalName', externalName: 'kubernetes.io' },
    });
    return t;
  }
  const rows: { name: string; cmd: string; code: number; out: string }[] = [
    {
      name: 'ClusterIP A',
      cmd: 'web',
      code: 0,
      out: 'Name:\tweb.default.svc.cluster.local\nAddress: 10.96.0.50\n',
    },
    {
      name: 'headless A',
      cmd: 'db',
      code: 0,
      out: 'Name:\tdb.default.svc.cluster.local\nAddress: 10.244.2.40\nName:\tdb.default.svc.cluster.local\nAddress: 10.244.2.41\n',
    },
    {
      name: 'StatefulSet pod',
      cmd: 'db-1.db',
      code: 0,
      out: 'Name:\tdb-1.db.default.svc.cluster.local\nAddress: 10.244.2.41\n',
    },
    {
      name: 'SRV',
      cmd: '-type=SRV _pg._tcp.db',
      code: 0,
      out: '_pg._tcp.db.default.svc.cluster.local\tservice = 0 50 5432 db-0.db.default.svc.cluster.local.\n',
    },
    { name: 'pod A', cmd: '10-244-2-12.default.pod.cluster.local', code: 0, out: 'Address: 10.244.2.12' },
    {
      name: 'ExternalName',
      cmd: 'ext',
      code: 0,
      out: 'ext.default.svc.cluster.local\tcanonical name = kubernetes.io.\nName:\tkubernetes.io\nAddress: 15.197.167.90\n',
    },
    {
      name: 'PTR',
      cmd: '10.96.0.50',
      code: 0,
      out: '50.0.96.10.in-addr.arpa\tname = web.default.svc.cluster.local.\n',
    },
    { name: 'NXDOMAIN', cmd: 'nope', code: 1, out: "** server can't find nope: NXDOMAIN\n" },
  ];
  for (const r of rows)
    it(r.name, () => {
      const res = dnsCluster().exec(`client -- nslookup ${r.cmd}`);
      expect(res.code).toBe(r.code);
      expect(res.stdout).toMatch(/^Server:\t\t10\.96\.0\.10\nAddress:\t10\.96\.0\.10#53\n\n/);
      expect(res.stdout).toContain(r.out);
    });
  it('-debug lists the search-path attempts in order', () => {
    const out = dnsCluster().exec('client -- nslookup -debug web').stdout;
    expect(out).toContain(';; web.default.svc.cluster.local: NOERROR');
    const t2 = dnsCluster().exec('client -- nslookup -debug nope').stdout;
    expect(t2.match(/^;; (\S+):/gm)).toEqual([
      ';; nope.default.svc.cluster.local:',
      ';; nope.svc.cluster.local:',
      ';; nope.cluster.local:',
      ';; nope:',
    ]);
  });
  it('times out when no CoreDNS pod is ready', () => {
    const t = new NetTestCluster('flannel');
    t.dns(false);
    t.pod(CLIENT);
    expect(t.exec('client -- nslookup web')).toEqual({
      code: 1,
      stdout: ';; connection timed out; no servers could be reached\n\n',
      stderr: 'command terminated with exit code 1\n',
    });
  });
  it('an egress default-deny blocks DNS (UDP 53 to CoreDNS) under calico but not flannel', () => {
    const egressDeny = {
      ...denyAll,
      metadata: { name: 'deny-egress', namespace: 'default' },
      spec: { podSelector: {}, policyTypes: ['Egress'] },
    };
    const t = webCluster('calico');
    t.apply(egressDeny);
    expect(t.exec('client -- nslookup web').stdout).toBe(
      ';; connection timed out; no servers could be reached\n\n',
    );
    expect(t.exec('client -- curl -s http://web').code).toBe(6);
    const f = webCluster('flannel');
    f.apply(egressDeny);
    expect(f.exec('client -- nslookup web').code).toBe(0);
  });
  it('cat /etc/resolv.conf, hostname, unknown programs, completed pods', () => {
    const t = dnsCluster();
    expect(t.exec('client -- cat /etc/resolv.conf').stdout).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
    expect(t.exec('db-0 -- hostname').stdout).toBe('db-0\n');
    expect(t.exec('client -- foo')).toEqual({
      code: 126,
      stdout: '',
      stderr:
        'OCI runtime exec failed: exec failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n',
    });
    t.pod({ name: 'done', node: 'node-1', ip: '10.244.1.99', phase: 'Succeeded' });
    expect(t.exec('done -- hostname').stderr).toBe(
      'error: cannot exec into a container in a completed pod; current phase is Succeeded\n',
    );
    expect(t.exec('client -c nope -- hostname').stderr).toBe(
      'Error from server (BadRequest): container nope is not valid for pod client\n',
    );
  });
});
