// `kubectl scale --replicas=N [--current-replicas=M] TYPE NAME | TYPE/NAME | -l sel | --all`.
// mirrors k8s.io/kubectl/pkg/cmd/scale/scale.go and pkg/scale/scale.go (ScalePrecondition, PreconditionError).
import type { CommandResult, CommandSpec } from '../types';
import type { ClusterRuntime } from '../../cluster/types';
import { newNoSuchResource } from '../../apiserver/errors';
import { liveObject, resolveTargets, resourceArg, type Target } from './writeTargets';
import {
  allFlag,
  dryRunFlag,
  dryRunOf,
  errorLine,
  filenameFlag,
  mutableCopy,
  namespaceFlag,
  outputFlag,
  outputOf,
  requestCtx,
  resultLine,
  selectorFlag,
} from './writeSupport';
import type { ParsedArgs } from '../args';

/** kinds with a /scale subresource in kubesim */
const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

function scaleOne(rt: ClusterRuntime, t: Target, replicas: number, args: ParsedArgs): string {
  if (!SCALABLE.has(t.info.kind)) throw newNoSuchResource();
  const current = t.obj?.metadata.resourceVersion ? t.obj : liveObject(rt, t);
  const spec = (current.spec ?? {}) as { replicas?: number };
  const expected = args.int('current-replicas') ?? -1;
  const actual = spec.replicas ?? 1;
  // ScalePrecondition.validate: -1 means no precondition
  if (expected >= 0 && actual !== expected) {
    throw new Error(`Expected replicas to be ${expected}, was ${actual}`);
  }
  const dry = dryRunOf(args);
  const output = outputOf(args);
  if (dry === 'client') {
    const copy = mutableCopy(current);
    copy.spec = { ...spec, replicas };
    return resultLine(t.info, copy, 'scaled', output, dry);
  }
  const patched = rt.api.patch(
    resourceArg(t.info),
    t.namespace,
    t.name,
    'merge',
    { spec: { replicas } },
    requestCtx('scale', dry),
  );
  return resultLine(t.info, patched, 'scaled', output, dry);
}

export const scaleCommand: CommandSpec = {
  path: ['scale'],
  summary: 'Set a new size for a deployment, replica set, replication controller, or stateful set',
  flags: [
    filenameFlag,
    namespaceFlag,
    selectorFlag,
    allFlag,
    outputFlag,
    dryRunFlag,
    // descriptions: kubectl/pkg/cmd/scale/scale.go
    { name: 'replicas', type: 'int', default: -1, help: 'The new desired number of replicas. Required.' },
    {
      name: 'current-replicas',
      type: 'int',
      default: -1,
      help: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.',
    },
    {
      name: 'resource-version',
      type: 'string',
      help: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.',
    },
    {
      name: 'timeout',
      type: 'string',
      default: '0s',
      help: "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).",
    },
  ],
  run(args, ctx): CommandResult {
    const replicas = args.int('replicas') ?? -1;
    if (replicas < 0) {
      throw new Error('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    }
    const targets = resolveTargets(ctx.rt, args, { stdin: ctx.stdin, verb: 'scale' });
    if (targets.length === 0) throw new Error('no objects passed to scale');
    const out: string[] = [];
    const errors: string[] = [];
    for (const t of targets) {
      try {
        out.push(scaleOne(ctx.rt, t, replicas, args));
      } catch (e) {
        errors.push(errorLine(e));
      }
    }
    return {
      code: errors.length > 0 ? 1 : 0,
      stdout: out.join(''),
      stderr: errors.map((l) => `${l}\n`).join(''),
    };
  },
};
