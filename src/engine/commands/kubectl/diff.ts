// `kubectl diff -f FILE`: what `kubectl apply` would change, as a unified diff of each live object against the object
// a server-side dry run of the apply returns. mirrors kubectl/pkg/cmd/diff/diff.go: LIVE-* and MERGED-* directories
// of YAML files named group.version.Kind.namespace.name, managed fields omitted, Secret data masked, then
// `diff -u -N LIVE MERGED` (GNU diff's layout: the diff line, --- / +++ with the files' times, @@ hunks).
// Exit status 0: no differences; 1: differences; 2: kubectl failed (CheckDiffErr).
// The hunks come from jsdiff's structuredPatch (the `diff` package), with GNU diff's range notation.
import { structuredPatch } from 'diff';
import type { CommandResult, CommandSpec } from '../types';
import { fail } from '../types';
import { StatusError, apiVersionOf, type ResourceInfo } from '../../apiserver/types';
import { hasReason } from '../../apiserver/errors';
import { isUnknownResource } from '../../apiserver/registry';
import type { ClusterRuntime } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import { commandNamespace } from '../resourceName';
import { formatStatusError } from '../statusText';
import { printYaml } from '../printers/jsonOutput';
import { formatSecond } from '../../sim/clock';
import { parseSelector } from '../../labels/selector';
import { applyPatch, withLastApplied } from './apply';
import {
  fieldManagerFlag,
  filenameFlag,
  mutableCopy,
  namespaceFlag,
  readManifests,
  requestCtx,
  selectorFlag,
  validateFlag,
  LineError,
} from './writeSupport';
import { resolveManifestTarget, resourceArg } from './writeTargets';

const MASK = '***';
const MASK_BEFORE = '*** (before)';
const MASK_AFTER = '*** (after)';

/** InfoObject.Name(): `apps.v1.Deployment.default.web`, `v1.ConfigMap.default.cfg` */
function diffFileName(info: ResourceInfo, ns: string | undefined, name: string): string {
  return `${info.group ? `${info.group}.` : ''}${info.version}.${info.kind}.${ns ?? ''}.${name}`;
}

/** InfoObject.Merged(): a dry-run create, or the apply patch sent as a dry run; the server's answer */
function mergedObject(
  rt: ClusterRuntime,
  info: ResourceInfo,
  ns: string | undefined,
  target: KubeObject,
  live: KubeObject | undefined,
  fieldManager: string,
): KubeObject {
  const modified = withLastApplied(target);
  const ctx = requestCtx('diff', 'server', fieldManager);
  if (!live) return rt.api.create(resourceArg(info), ns, modified, ctx);
  const patch = applyPatch(live, modified, info.kind);
  if (Object.keys(patch).length === 0) return live;
  return rt.api.patch(resourceArg(info), ns, target.metadata.name ?? '', 'strategic', patch, ctx);
}

/** omitManagedFields, and the Masker for v1 Secrets (data values hidden; changed ones marked before/after) */
function prepare(
  from: KubeObject | undefined,
  to: KubeObject,
  showManagedFields: boolean,
  showSecrets: boolean,
): [KubeObject | undefined, KubeObject] {
  const a = from ? mutableCopy(from) : undefined;
  const b = mutableCopy(to);
  if (!showManagedFields) {
    if (a) delete (a.metadata as { managedFields?: unknown }).managedFields;
    delete (b.metadata as { managedFields?: unknown }).managedFields;
  }
  if (!showSecrets && b.apiVersion === 'v1' && b.kind === 'Secret') {
    const data = (o: KubeObject | undefined) => (o as { data?: Record<string, string> } | undefined)?.data;
    const f = data(a);
    const t = data(b);
    // Masker.run: a key on both sides that changed is marked before/after; every other value is ***
    for (const k of Object.keys(f ?? {})) {
      const changed = t !== undefined && k in t && f?.[k] !== t[k];
      (f as Record<string, string>)[k] = changed ? MASK_BEFORE : MASK;
      if (t && k in t) t[k] = changed ? MASK_AFTER : MASK;
    }
    for (const k of Object.keys(t ?? {})) if (!f || !(k in f)) (t as Record<string, string>)[k] = MASK;
  }
  return [a, b];
}

/** GNU diff's unified range: `start,count`, `start` alone for one line, the line before for none */
function range(start: number, count: number): string {
  if (count === 0) return `${Math.max(0, start - 1)},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/** `diff -u -N` of one file pair; '' when they are equal */
export function unifiedDiff(
  fromPath: string,
  toPath: string,
  from: string,
  to: string,
  time: string,
): string {
  if (from === to) return '';
  const { hunks } = structuredPatch(fromPath, toPath, from, to, '', '', { context: 3 });
  let out = `diff -u -N ${fromPath} ${toPath}\n--- ${fromPath}\t${time}\n+++ ${toPath}\t${time}\n`;
  for (const h of hunks) {
    out += `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@\n`;
    for (const line of h.lines) out += `${line}\n`;
  }
  return out;
}

/** os.MkdirTemp's random suffix, drawn from the simulation's seeded generator */
function tempDir(rt: ClusterRuntime, prefix: string): string {
  return `/tmp/${prefix}-${rt.sim.rng.fork(`kubectl-diff-${rt.store.revision}-${prefix}`).int(0, 4_294_967_295)}`;
}

/** the files' modification time as GNU diff prints it (nanoseconds, zone) */
function fileTime(ms: number): string {
  const iso = formatSecond(Math.floor(ms / 1000));
  const nanos = String(Math.round((ms % 1000) * 1e6)).padStart(9, '0');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${nanos} +0000`;
}

/** CheckDiffErr: kubectl diff's own failures exit 2 (1 means differences) */
const failDiff = (stderr: string): CommandResult => fail(stderr, '', 2);

export const diffCommand: CommandSpec = {
  path: ['diff'],
  summary: 'Diff the live version against a would-be applied version',
  // descriptions: kubectl/pkg/cmd/diff/diff.go, cmdutil.AddServerSideApplyFlags
  flags: [
    filenameFlag,
    namespaceFlag,
    validateFlag,
    fieldManagerFlag,
    selectorFlag,
    { name: 'server-side', type: 'bool', help: 'If true, apply runs in the server instead of the client.' },
    {
      name: 'force-conflicts',
      type: 'bool',
      help: 'If true, server-side apply will force the changes against conflicts.',
    },
    { name: 'show-managed-fields', type: 'bool', help: 'If true, include managed fields in the diff.' },
    { name: 'show-secrets', type: 'bool', help: 'If true, do not mask secret values in the diff.' },
    {
      name: 'prune',
      type: 'bool',
      help: 'Include resources that would be deleted by pruning. Can be used with -l and default shows all resources would be pruned',
    },
    {
      name: 'concurrency',
      type: 'int',
      default: 1,
      help: 'Number of objects to process in parallel when diffing against the live version. Larger number = faster, but more memory, I/O and CPU over that shorter period of time.',
    },
    {
      name: 'recursive',
      short: 'R',
      type: 'bool',
      help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    },
  ],
  run(args, { rt, stdin }) {
    if (args.bool('server-side'))
      return failDiff(
        'error: --server-side diff is not supported by kubesim; use client-side apply (omit --server-side)\n',
      );
    if (args.bool('prune')) return failDiff('error: --prune is not supported by kubesim\n');
    let objects: KubeObject[];
    let source: string;
    try {
      ({ source, objects } = readManifests(args, stdin, 'diff'));
    } catch (e) {
      return failDiff(`error: ${(e as Error).message}\n`);
    }
    const selector = args.string('selector');
    if (selector) {
      let sel;
      try {
        sel = parseSelector(selector);
      } catch (e) {
        return failDiff(`error: ${(e as Error).message}\n`);
      }
      objects = objects.filter((o) => sel.matches(o.metadata.labels));
    }
    const flagNamespace = args.has('namespace') ? args.string('namespace') || undefined : undefined;
    const defaultNamespace = commandNamespace(args.string('namespace'));
    const fieldManager = args.string('field-manager') ?? 'kubectl-client-side-apply';
    const files: { name: string; live: string; merged: string }[] = [];
    try {
      for (const obj of objects) {
        const { info, ns, target } = resolveManifestTarget(rt, obj, source, flagNamespace, defaultNamespace);
        const name = target.metadata.name ?? '';
        let live: KubeObject | undefined;
        try {
          live = rt.api.get(resourceArg(info), ns, name);
          live = { ...live, apiVersion: live.apiVersion ?? apiVersionOf(info), kind: live.kind ?? info.kind };
        } catch (e) {
          if (!hasReason(e, 'NotFound') || isUnknownResource(e)) throw e;
        }
        const merged = mergedObject(rt, info, ns, target, live, fieldManager);
        const [from, to] = prepare(live, merged, args.bool('show-managed-fields'), args.bool('show-secrets'));
        files.push({
          name: diffFileName(info, ns, name),
          live: from ? printYaml(from) : '',
          merged: printYaml(to),
        });
      }
    } catch (e) {
      if (e instanceof LineError) return failDiff(`${e.message}\n`);
      if (e instanceof StatusError) return failDiff(`${formatStatusError(e.status)}\n`);
      throw e;
    }
    const liveDir = tempDir(rt, 'LIVE');
    const mergedDir = tempDir(rt, 'MERGED');
    const time = fileTime(rt.sim.clock.nowMs());
    // diff walks each directory in name order
    files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const stdout = files
      .map((f) => unifiedDiff(`${liveDir}/${f.name}`, `${mergedDir}/${f.name}`, f.live, f.merged, time))
      .join('');
    return { code: stdout === '' ? 0 : 1, stdout, stderr: '' };
  },
};
