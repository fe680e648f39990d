// `kubectl run NAME --image=IMG [--labels=k=v,...] [--port=N] [--restart=Always|OnFailure|Never] [--env=K=V]
// [--command] [-- ARGS...]`: create one Pod. mirrors k8s.io/kubectl/pkg/cmd/run/run.go and generate/versioned/run.go BasicPod.
import type { CommandResult, CommandSpec } from '../types';
import type { KubeObject } from '../../types/object';
import { resolveTargetsNamespace, withDryRunShape } from './createDeployment';
import {
  dryRunFlag,
  dryRunOf,
  fieldManagerFlag,
  namespaceFlag,
  outputFlag,
  outputOf,
  requestCtx,
  resultLine,
} from './writeSupport';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];

/** `k=v,k2=v2` as generate.ParseLabels reads it */
export function parseLabelList(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2 || kv[0] === '') throw new Error(`invalid label spec: ${part}`);
    Object.defineProperty(out, kv[0] as string, {
      value: kv[1],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** the Pod BasicPod generates */
export function buildRunPod(
  name: string,
  args: {
    image: string;
    labels?: Record<string, string>;
    port?: number;
    restart: string;
    env: string[];
    command: boolean;
    words: string[];
  },
): KubeObject {
  const container: Record<string, unknown> = { name, image: args.image };
  if (args.words.length > 0) container[args.command ? 'command' : 'args'] = args.words;
  if (args.env.length > 0) {
    container.env = args.env.map((e) => {
      const i = e.indexOf('=');
      if (i <= 0) throw new Error(`invalid env: ${e}`);
      return { name: e.slice(0, i), value: e.slice(i + 1) };
    });
  }
  if (args.port !== undefined && args.port >= 0) container.ports = [{ containerPort: args.port }];
  container.resources = {};
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: args.labels ?? { run: name } },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: args.restart },
    status: {},
  };
}

export const runCommand: CommandSpec = {
  path: ['run'],
  summary: 'Run a particular image on the cluster',
  flags: [
    namespaceFlag,
    outputFlag,
    dryRunFlag,
    fieldManagerFlag,
    { name: 'image', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'port', type: 'int', default: -1 },
    { name: 'restart', type: 'string', default: 'Always' },
    { name: 'env', type: 'stringArray' },
    { name: 'command', type: 'bool' },
    { name: 'image-pull-policy', type: 'string' },
    { name: 'rm', type: 'bool' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
  ],
  run(args, ctx): CommandResult {
    const name = args.positionals[0];
    if (!name) throw new Error('NAME is required for run');
    const image = args.string('image');
    if (!image) throw new Error('required flag(s) "image" not set');
    const restart = args.string('restart') ?? 'Always';
    if (!RESTART_POLICIES.includes(restart)) throw new Error(`invalid restart policy: ${restart}`);
    const labelsText = args.string('labels');
    const pod = buildRunPod(name, {
      image,
      labels: labelsText ? parseLabelList(labelsText) : undefined,
      port: args.int('port'),
      restart,
      env: args.strings('env'),
      command: args.bool('command'),
      words: [...args.positionals.slice(1), ...args.afterDash],
    });
    const pullPolicy = args.string('image-pull-policy');
    if (pullPolicy)
      (
        (pod.spec as { containers: Record<string, unknown>[] }).containers[0] as Record<string, unknown>
      ).imagePullPolicy = pullPolicy;
    const dry = dryRunOf(args);
    const output = outputOf(args);
    const { info, ns } = resolveTargetsNamespace(ctx.rt, 'pods', args);
    if (dry === 'client')
      return { code: 0, stdout: resultLine(info, withDryRunShape(pod), 'created', output, dry), stderr: '' };
    const created = ctx.rt.api.create('pods', ns, pod, requestCtx('run', dry, args.string('field-manager')));
    return { code: 0, stdout: resultLine(info, created, 'created', output, dry), stderr: '' };
  },
};
