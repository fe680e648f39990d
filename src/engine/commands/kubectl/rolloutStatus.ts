// `kubectl rollout status TYPE/NAME [--watch] [--timeout] [--revision]`: print rollout progress until done.
// mirrors k8s.io/kubectl/pkg/cmd/rollout/rollout_status.go Run: the status line on the first read and on each
// change the watch delivers, advancing virtual time (runUntil) instead of blocking.
import type { CommandResult, CommandSpec } from '../types';
import type { KubeObject } from '../../types/object';
import type { ClusterRuntime } from '../../cluster/types';
import { RolloutArgsError, rolloutNamespaceFlag, rolloutTargets, type RolloutTarget } from './rolloutTarget';
import { RolloutStatusError, rolloutStatusOf } from './rolloutStatusViewer';
import { capNote, waitTimeout } from './waitCap';

const err = (message: string, stdout = ''): CommandResult => ({
  code: 1,
  stdout,
  stderr: `error: ${message}\n`,
});

function watchRollout(
  rt: ClusterRuntime,
  t: RolloutTarget,
  revision: number,
  first: string,
  timeoutMs: number,
) {
  const name = t.obj.metadata.name;
  let latest: Readonly<KubeObject> | undefined;
  let deleted = false;
  const watch = rt.api.watch(t.info.plural, t.namespace, {}, (ev) => {
    if (ev.object.metadata.name !== name) return;
    if (ev.type === 'DELETED') deleted = true;
    else if (ev.type === 'ADDED' || ev.type === 'MODIFIED') latest = ev.object;
  });
  let out = '';
  let last = first;
  let error: string | undefined;
  const check = (): boolean => {
    if (deleted) {
      error = 'object has been deleted';
      return true;
    }
    if (!latest) return false;
    const obj = latest;
    latest = undefined;
    try {
      const s = rolloutStatusOf(obj, revision);
      // kubectl prints on every watch event; kubesim prints each distinct line once
      if (s.message !== last) out += s.message;
      last = s.message;
      return s.done;
    } catch (e) {
      if (!(e instanceof RolloutStatusError)) throw e;
      error = e.message;
      return true;
    }
  };
  try {
    const finished = rt.sim.runUntil(check, timeoutMs);
    return { out, error, finished };
  } finally {
    watch.cancel();
  }
}

export const rolloutStatusCommand: CommandSpec = {
  path: ['rollout', 'status'],
  summary: 'Show the status of the rollout',
  flags: [
    rolloutNamespaceFlag,
    {
      name: 'watch',
      short: 'w',
      type: 'bool',
      default: true,
      help: "Watch the status of the rollout until it's done.",
    },
    { name: 'revision', type: 'int', default: 0, help: 'Pin to a specific revision for showing its status.' },
    {
      name: 'timeout',
      type: 'duration',
      default: '0s',
      help: 'The length of time to wait before ending watch.',
    },
  ],
  run(args, { rt }) {
    const revision = args.int('revision') ?? 0;
    if (revision < 0) return err(`revision must be a positive integer: ${revision}`);
    const timeout = waitTimeout('timeout', args.string('timeout'));
    if (typeof timeout === 'string') return err(timeout);
    let targets: RolloutTarget[];
    try {
      targets = rolloutTargets(rt, args.positionals, args.string('namespace'), undefined);
    } catch (e) {
      if (e instanceof RolloutArgsError) return err(e.message);
      throw e;
    }
    if (targets.length !== 1) {
      return err(
        `rollout status is only supported on individual resources and resource collections - ${targets.length} resources were found`,
      );
    }
    const t = targets[0] as RolloutTarget;
    let first: string;
    try {
      const s = rolloutStatusOf(t.obj, revision);
      if (s.done || !args.bool('watch')) return { code: 0, stdout: s.message, stderr: '' };
      first = s.message;
    } catch (e) {
      if (e instanceof RolloutStatusError) return err(e.message);
      throw e;
    }
    const r = watchRollout(rt, t, revision, first, timeout.ms);
    const stdout = first + r.out;
    if (r.error !== undefined) return err(r.error, stdout);
    if (!r.finished)
      return {
        code: 1,
        stdout,
        stderr: `error: timed out waiting for the condition\n${capNote(timeout.capped)}`,
      };
    return { code: 0, stdout, stderr: '' };
  },
};
