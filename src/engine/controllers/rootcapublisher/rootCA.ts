// The cluster's root CA certificate (what kubeadm writes to /etc/kubernetes/pki/ca.crt): a fixed fake PEM drawn once
// per cluster from the seeded rng, the same for the root-ca-cert-publisher, the tokens controller and the kubelet.
import type { Rng } from '../../sim/types';
import { base64Bytes } from '../serviceaccount/base64';

/** the DER opening of a kubeadm CA certificate (SEQUENCE, version 3, serial 0, sha256WithRSA) */
const DER_HEAD = [
  0x30, 0x82, 0x03, 0x06, 0x30, 0x82, 0x01, 0xee, 0xa0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x01, 0x00, 0x30, 0x0d,
  0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00, 0x30, 0x15, 0x31, 0x13, 0x30,
  0x11, 0x06, 0x03, 0x55, 0x04, 0x03, 0x13, 0x0a,
  // CN=kubernetes
  0x6b, 0x75, 0x62, 0x65, 0x72, 0x6e, 0x65, 0x74, 0x65, 0x73,
];
const DER_LENGTH = 778;

const cache = new WeakMap<Rng, string>();

/** PEM of the cluster CA for the simulation's root rng (deterministic per seed) */
export function clusterRootCA(rootRng: Rng): string {
  let pem = cache.get(rootRng);
  if (pem) return pem;
  const r = rootRng.fork('cluster-root-ca');
  const der = [...DER_HEAD];
  while (der.length < DER_LENGTH) der.push(r.int(0, 255));
  const body = base64Bytes(der);
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  pem = `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
  cache.set(rootRng, pem);
  return pem;
}
