// `sim curl URL [-v] [-s] [--max-time N]`: curl from a machine outside the cluster, e.g. http://NODE_IP:NODEPORT/
// or http://LOADBALANCER_IP/, through kube-proxy's NodePort / LoadBalancer rules.
import { netContext } from '../../network/context';
import { runCurl } from '../../network/tools/curl';
import type { CommandSpec } from '../types';

export const simCurlCommand: CommandSpec = {
  path: ['curl'],
  summary: 'curl a NodePort or LoadBalancer address from outside the cluster',
  flags: [
    { name: 'verbose', short: 'v', type: 'bool' },
    { name: 'silent', short: 's', type: 'bool' },
    { name: 'max-time', short: 'm', type: 'string' },
    { name: 'request', short: 'X', type: 'string' },
  ],
  run(args, { rt }) {
    const argv = [...args.positionals];
    if (args.bool('verbose')) argv.push('-v');
    if (args.bool('silent')) argv.push('-s');
    const mt = args.string('max-time');
    if (mt !== undefined) argv.push('--max-time', mt);
    const x = args.string('request');
    if (x !== undefined) argv.push('-X', x);
    const r = runCurl(netContext(rt), undefined, argv);
    return { code: r.code, stdout: r.stdout, stderr: r.stderr };
  },
};
