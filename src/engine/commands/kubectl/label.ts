// `kubectl label TYPE NAME k=v k2-` (and the shared engine of `kubectl annotate`): update metadata.labels/annotations
// with a merge patch. mirrors k8s.io/kubectl/pkg/cmd/label/label.go (parseLabels, validateNoOverwrites, labelFunc)
// and cmdutil.GetResourcesAndPairs.
import type { CommandResult, CommandSpec } from '../types';
import type { ClusterRuntime } from '../../cluster/types';
import type { JsonObject } from '../../types/json';
import type { KubeObject } from '../../types/object';
import type { FlagSpec, ParsedArgs } from '../args';
import { isValidLabelValue } from '../../labels/validation';
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

export type MetadataMap = 'labels' | 'annotations';

interface Change {
  set: Map<string, string>;
  remove: string[];
}

/** split positionals into resources and `k=v` / `k-` pairs (cmdutil.GetResourcesAndPairs) */
export function resourcesAndPairs(
  args: readonly string[],
  pairType: string,
): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length > 0)
      throw new Error(`all resources must be specified before ${pairType} changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}

/** mirrors label.go parseLabels / annotate.go parseAnnotations */
export function parsePairs(pairs: readonly string[], field: MetadataMap): Change {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const what = field === 'labels' ? 'label' : 'annotation';
  for (const spec of pairs) {
    if (spec.includes('=')) {
      const i = spec.indexOf('=');
      const key = spec.slice(0, i);
      const value = spec.slice(i + 1);
      if (field === 'labels') {
        if (value.includes('=')) throw new Error(`invalid label spec: ${spec}`);
        const errs = isValidLabelValue(value);
        if (errs.length > 0)
          throw new Error(`invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`);
      }
      set.set(key, value);
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1));
    } else {
      throw new Error(`unknown ${what} spec: ${spec}`);
    }
  }
  for (const key of remove) {
    if (set.has(key))
      throw new Error(`can not both modify and remove the following ${what}(s) in the same command: ${key}`);
  }
  return { set, remove };
}

/** the new map, or an error when --overwrite is needed; `notFound` collects removed keys that were absent */
function updatedMap(
  current: Record<string, string>,
  c: Change,
  overwrite: boolean,
  notFound: string[],
): Record<string, string> {
  if (!overwrite) {
    const errs: string[] = [];
    for (const [k, v] of c.set) {
      const cur = current[k];
      if (cur !== undefined && cur !== v)
        errs.push(`'${k}' already has a value (${cur}), and --overwrite is false`);
    }
    if (errs.length > 0) throw new Error(errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
  }
  const next: Record<string, string> = { ...current };
  for (const [k, v] of c.set)
    Object.defineProperty(next, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const k of c.remove) {
    if (!(k in current) || !Object.prototype.hasOwnProperty.call(current, k)) notFound.push(k);
    delete next[k];
  }
  return next;
}

function mergePatchFor(
  field: MetadataMap,
  before: Record<string, string>,
  after: Record<string, string>,
): JsonObject | undefined {
  const diff: JsonObject = {};
  let changed = false;
  for (const k of Object.keys(after)) {
    if (before[k] !== after[k] || !Object.prototype.hasOwnProperty.call(before, k)) {
      Object.defineProperty(diff, k, {
        value: after[k],
        enumerable: true,
        writable: true,
        configurable: true,
      });
      changed = true;
    }
  }
  for (const k of Object.keys(before)) {
    if (!Object.prototype.hasOwnProperty.call(after, k)) {
      Object.defineProperty(diff, k, { value: null, enumerable: true, writable: true, configurable: true });
      changed = true;
    }
  }
  return changed ? { metadata: { [field]: diff } } : undefined;
}

function updateOne(
  rt: ClusterRuntime,
  t: Target,
  field: MetadataMap,
  change: Change,
  args: ParsedArgs,
  verb: string,
): string {
  const current: KubeObject = t.obj?.metadata.resourceVersion ? t.obj : liveObject(rt, t);
  const before = current.metadata[field] ?? {};
  const notFound: string[] = [];
  const after = updatedMap(before, change, args.bool('overwrite'), notFound);
  let out = notFound
    .map((k) => `${field === 'labels' ? 'label' : 'annotation'} ${JSON.stringify(k)} not found.\n`)
    .join('');
  const patch = mergePatchFor(field, before, after);
  const dry = dryRunOf(args);
  const output = outputOf(args);
  const doneWord = verb === 'label' ? 'labeled' : 'annotated';
  if (!patch)
    return out + resultLine(t.info, current, verb === 'label' ? 'not labeled' : doneWord, output, dry);
  let result: KubeObject;
  if (dry === 'client') {
    result = mutableCopy(current);
    result.metadata[field] = after;
  } else {
    result = rt.api.patch(resourceArg(t.info), t.namespace, t.name, 'merge', patch, requestCtx(verb, dry));
  }
  out += resultLine(t.info, result, doneWord, output, dry);
  return out;
}

/** `kubectl label --list`: each label as `key=value` on its own line */
function listLabels(
  rt: ClusterRuntime,
  args: ParsedArgs,
  stdin: string | undefined,
  words: string[],
): CommandResult {
  let out = '';
  for (const t of resolveTargets(rt, args, { stdin, verb: 'label', words })) {
    const obj = t.obj?.metadata.resourceVersion ? t.obj : liveObject(rt, t);
    for (const [k, v] of Object.entries(obj.metadata.labels ?? {})) out += `${k}=${v}\n`;
  }
  return { code: 0, stdout: out, stderr: '' };
}

/** `kubectl label` and `kubectl annotate` differ only in the map they touch and their words */
export function metadataMapCommand(
  verb: 'label' | 'annotate',
  field: MetadataMap,
  summary: string,
  extraFlags: FlagSpec[] = [],
): CommandSpec {
  return {
    path: [verb],
    summary,
    flags: [
      filenameFlag,
      namespaceFlag,
      selectorFlag,
      allFlag,
      outputFlag,
      dryRunFlag,
      { name: 'overwrite', type: 'bool' },
      { name: 'resource-version', type: 'string' },
      ...extraFlags,
    ],
    run(args, ctx): CommandResult {
      const { resources, pairs } = resourcesAndPairs(args.positionals, verb);
      if (verb === 'label' && args.bool('list')) return listLabels(ctx.rt, args, ctx.stdin, resources);
      if (pairs.length === 0) {
        throw new Error(`at least one ${verb === 'label' ? 'label' : 'annotation'} update is required`);
      }
      const change = parsePairs(pairs, field);
      const targets = resolveTargets(ctx.rt, args, { stdin: ctx.stdin, verb, words: resources });
      const out: string[] = [];
      const errors: string[] = [];
      for (const t of targets) {
        try {
          out.push(updateOne(ctx.rt, t, field, change, args, verb));
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
}

export const labelCommand: CommandSpec = metadataMapCommand(
  'label',
  'labels',
  'Update the labels on a resource',
  [{ name: 'list', type: 'bool' }],
);
