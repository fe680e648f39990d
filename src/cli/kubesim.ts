// Headless kubesim from the shell: runs each argument as a command line against one fresh cluster.
// Usage: npm run kubesim -- 'kubectl get nodes' 'sim advance 30s'   (stdin, if piped, feeds `-f -`)
import { readFileSync } from 'node:fs';
import { createCluster } from '../engine/index';

const seedArg = process.env.KUBESIM_SEED;
const cluster = createCluster({ seed: seedArg ? Number(seedArg) : 1 });
const stdin = process.stdin.isTTY ? undefined : readFileSync(0, 'utf8');
let code = 0;
for (const line of process.argv.slice(2)) {
  const r = cluster.run(line, stdin);
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  code = r.code;
}
process.exit(code);
