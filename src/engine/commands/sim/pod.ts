// `sim pod crash|fail-readiness|fail-liveness|heal POD [-c CONTAINER]`: faults a learner injects into a running pod's
// app; the kubelet's probes, restarts and back-off do the rest (see kubelet/podFaults.ts).
import type { Pod } from 'kubernetes-types/core/v1';
import type { CommandSpec } from '../types';
import { fail, ok } from '../types';
import { commandNamespace } from '../resourceName';
import { applyPodFault, faultTarget, type PodFault } from '../../kubelet/podFaults';

const SUMMARIES: Record<PodFault, string> = {
  crash: "Make a pod's container exit now (--exit-code, default 1); it restarts per restartPolicy",
  'fail-readiness': "Make a pod's readiness probe fail from now on (until `sim pod heal`)",
  'fail-liveness':
    "Make a pod's app stop answering: liveness (and readiness) probes time out until it restarts",
  heal: 'Clear the faults injected into a pod: its probes pass again',
};

function podArg(arg: string | undefined): string | undefined {
  if (!arg) return undefined;
  const m = /^(?:(?:pod|pods|po)\/)?([^/]+)$/.exec(arg);
  return m ? m[1] : undefined;
}

function podFaultCommand(fault: PodFault): CommandSpec {
  const flags: CommandSpec['flags'] = [
    { name: 'namespace', short: 'n', type: 'string' },
    { name: 'container', short: 'c', type: 'string' },
  ];
  if (fault === 'crash') flags.push({ name: 'exit-code', type: 'string' });
  return {
    path: ['pod', fault],
    summary: SUMMARIES[fault],
    flags,
    run(args, { rt }) {
      const name = podArg(args.positionals[0]);
      if (!name || args.positionals.length !== 1)
        return fail(`error: usage: sim pod ${fault} POD [-n NAMESPACE] [-c CONTAINER]\n`);
      let exitCode = 1;
      if (fault === 'crash' && args.has('exit-code')) {
        exitCode = Number(args.string('exit-code'));
        if (!Number.isInteger(exitCode) || exitCode < 0 || exitCode > 255)
          return fail(
            `error: --exit-code must be an integer from 0 to 255, got "${args.string('exit-code')}"\n`,
          );
      }
      const pod = rt.api.get('pods', commandNamespace(args.string('namespace')), name) as unknown as Pod;
      const target = faultTarget(rt, pod, args.string('container'));
      if (typeof target === 'string') return fail(`error: ${target}\n`);
      rt.sim.trace.record({
        actor: 'sim',
        action: fault,
        target: `pods/${pod.metadata?.namespace}/${name}`,
        cause: `sim pod ${fault}`,
      });
      return ok(
        applyPodFault(target, fault, exitCode)
          .map((l) => `pod/${name}: ${l}\n`)
          .join(''),
      );
    },
  };
}

export const podFaultCommands: CommandSpec[] = (
  ['crash', 'fail-readiness', 'fail-liveness', 'heal'] as const
).map(podFaultCommand);
