// `kubectl exec POD [-n NS] [-c CONTAINER] -- COMMAND [ARGS...]`: the container's view of the network (curl, nslookup,
// cat /etc/resolv.conf or a mounted file, hostname), answered by the network models. Messages mirror kubectl's exec.go and the kubelet.
import { attachablePodName } from './attachablePod';
import type { Pod } from 'kubernetes-types/core/v1';
import { netContext } from '../../network/context';
import { runCat, podHostname } from '../../network/tools/files';
import { readMountedFile } from '../../network/tools/volumeFiles';
import { runCurl, type ToolResult } from '../../network/tools/curl';
import { runNslookup } from '../../network/tools/nslookup';
import type { CommandResult, CommandSpec } from '../types';
import { fail } from '../types';
import { defaultContainer } from './podcmd';

const PROGRAMS = new Set(['curl', 'nslookup', 'cat', 'hostname']);

function containerRunning(pod: Pod, name: string): boolean {
  const st = pod.status?.containerStatuses?.find((c) => c.name === name);
  // a pod whose status was set by hand without containerStatuses counts as running when its phase is Running
  if (!st) return pod.status?.phase === 'Running' && !pod.status.containerStatuses;
  return st.state?.running !== undefined;
}

/** kubectl prints the remote exit code and exits with it (exec.go: "command terminated with exit code %d") */
function finish(r: ToolResult, prefix = ''): CommandResult {
  const tail = r.code === 0 ? '' : `command terminated with exit code ${r.code}\n`;
  return { code: r.code, stdout: r.stdout, stderr: prefix + r.stderr + tail };
}

export const execCommand: CommandSpec = {
  path: ['exec'],
  summary: 'Execute a command in a container',
  flags: [
    { name: 'namespace', short: 'n', type: 'string', default: 'default' },
    { name: 'container', short: 'c', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
  ],
  run(args, { rt }) {
    const ns = args.string('namespace') ?? 'default';
    const target = args.positionals[0];
    if (!target)
      return fail(
        "error: pod, type/name or --filename must be specified\nSee 'kubectl exec -h' for help and examples\n",
      );
    if (args.afterDash.length === 0)
      return fail(
        "error: you must specify at least one command for the container\nSee 'kubectl exec -h' for help and examples\n",
      );
    const resolved = attachablePodName(rt, ns, target);
    if ('error' in resolved) return fail(`error: ${resolved.error}\n`);
    const name = resolved.name;
    const pod = rt.api.get('pods', ns, name) as unknown as Pod;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed')
      return fail(`error: cannot exec into a container in a completed pod; current phase is ${phase}\n`);
    const containers = (pod.spec?.containers ?? []).map((c) => c.name);
    let container = args.string('container');
    let prefix = '';
    if (container === undefined) {
      // exec.go: podcmd.FindOrDefaultContainerByName when no -c is given; an explicit -c is checked by the server
      const d = defaultContainer(pod, args.bool('quiet'));
      if ('error' in d) return fail(`error: ${d.error}\n`);
      container = d.name;
      if (d.warning) prefix = `${d.warning}\n`;
    } else if (!containers.includes(container))
      return fail(`Error from server (BadRequest): container ${container} is not valid for pod ${name}\n`);
    if (!pod.spec?.nodeName)
      return fail(`Error from server (BadRequest): pod ${name} does not have a host assigned\n`);
    if (!containerRunning(pod, container))
      return fail(`${prefix}error: unable to upgrade connection: container not found ("${container}")\n`);
    const [program = '', ...rest] = args.afterDash;
    const base = program.split('/').pop() ?? program;
    if (!PROGRAMS.has(base)) {
      return {
        code: 126,
        stdout: '',
        stderr: `${prefix}OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n`,
      };
    }
    const ctx = netContext(rt);
    if (base === 'hostname') return finish({ code: 0, stdout: `${podHostname(pod)}\n`, stderr: '' }, prefix);
    if (base === 'cat') {
      const deps = {
        api: rt.api,
        rootRng: rt.sim.rng,
        fromRfc3339: (ts: string) => rt.sim.clock.fromRfc3339(ts),
      };
      return finish(
        runCat(ctx, pod, rest, (p) => readMountedFile(deps, pod, container, p)),
        prefix,
      );
    }
    if (base === 'nslookup') return finish(runNslookup(ctx, pod, rest), prefix);
    return finish(runCurl(ctx, pod, rest), prefix);
  },
};
