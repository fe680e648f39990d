// `sim load deployment/web --cpu-per-pod 250m | --rps N [--memory-per-pod 64Mi]` and `sim load deployment/web --stop`:
// drive a workload's usage. --rps spreads requests over the workload's ready pods at CPU_MILLI_PER_RPS (1m) each.
import type { CommandSpec } from '../types';
import { fail, ok } from '../types';
import { commandNamespace, kindSlashName } from '../resourceName';
import { parseQuantity } from '../../quantity/index';
import { selectorFromLabelSelector, type LabelSelectorLike } from '../../labels/selector';
import { usageModelFor, type WorkloadLoad } from '../../metrics/usageModel';
import { parseDuration } from '../duration';
import { loadService } from './loadService';

export const loadCommand: CommandSpec = {
  path: ['load'],
  summary:
    'Put load on a workload (sim load deployment/web --rps 500, 1 rps costs 1m CPU; or --cpu-per-pod 250m), or send traffic to a Service and see how it spreads: sim load service/web --rps 100 --for 60s',
  flags: [
    { name: 'namespace', short: 'n', type: 'string' },
    { name: 'cpu-per-pod', type: 'string' },
    { name: 'memory-per-pod', type: 'string' },
    { name: 'rps', type: 'int' },
    { name: 'stop', type: 'bool' },
    { name: 'for', type: 'string' },
    { name: 'port', type: 'int' },
  ],
  run(args, { rt }) {
    const ref = args.positionals[0];
    const slash = ref?.indexOf('/') ?? -1;
    if (!ref || slash < 0 || args.positionals.length !== 1)
      return fail(
        'error: usage: sim load TYPE/NAME (--rps N | --cpu-per-pod 250m) [--memory-per-pod 64Mi] | --stop\n',
      );
    const info = rt.api.resolve(ref.slice(0, slash));
    const name = ref.slice(slash + 1);
    const namespace = commandNamespace(args.string('namespace'));
    const target = `${info.plural}/${name}`;
    const label = kindSlashName(info, name);
    const model = usageModelFor(rt);
    if (args.bool('stop')) {
      model.clearLoad(namespace, target);
      return ok(`${label} load stopped\n`);
    }
    if (info.kind === 'Service' && !args.bool('stop')) {
      const rps = args.int('rps');
      if (rps === undefined || rps < 0) return fail('error: sim load service/NAME needs --rps N (N >= 0)\n');
      const durationMs = parseDuration(args.string('for') ?? '10s');
      return loadService(rt, { namespace, name, rps, durationMs, port: args.int('port') });
    }
    const obj = rt.api.get(info.plural, namespace, name);
    const selector = (obj.spec as { selector?: LabelSelectorLike } | undefined)?.selector;
    if (!selector) return fail(`error: ${label} has no pod selector\n`);
    const load: WorkloadLoad = { namespace, target, selector: selectorFromLabelSelector(selector) };
    try {
      const cpu = args.string('cpu-per-pod');
      const mem = args.string('memory-per-pod');
      if (cpu !== undefined) load.cpuPerPodMilli = parseQuantity(cpu).milliValue();
      if (mem !== undefined) load.memoryPerPodBytes = parseQuantity(mem).value();
    } catch (e) {
      return fail(`error: ${(e as Error).message}\n`);
    }
    const rps = args.int('rps');
    if (rps !== undefined) {
      if (rps < 0) return fail('error: --rps must be >= 0\n');
      load.rps = rps;
    }
    if (load.rps === undefined && load.cpuPerPodMilli === undefined && load.memoryPerPodBytes === undefined)
      return fail('error: give --rps, --cpu-per-pod or --memory-per-pod (or --stop)\n');
    model.setLoad(load);
    const what =
      load.rps !== undefined
        ? `${load.rps} rps`
        : args.string('cpu-per-pod')
          ? `${args.string('cpu-per-pod')} cpu per pod`
          : `${args.string('memory-per-pod')} memory per pod`;
    return ok(`${label} load set: ${what}\n`);
  },
};
