// `kubectl patch TYPE NAME -p '<json|yaml>' [--type strategic|merge|json] [--subresource=status]`.
// mirrors k8s.io/kubectl/pkg/cmd/patch/patch.go RunPatch: prints `patched`, or `patched (no change)` when nothing moved.
import { parse as parseYaml } from 'yaml';
import type { CommandResult, CommandSpec } from '../types';
import type { PatchType } from '../../apiserver/types';
import type { JsonValue } from '../../types/json';
import { deepEqual } from '../../apiserver/objectUtil';
import { toPlainJson } from '../manifest/toJson';
import { liveObject, resolveTargets, resourceArg } from './writeTargets';
import {
  dryRunFlag,
  dryRunOf,
  errorLine,
  filenameFlag,
  namespaceFlag,
  outputFlag,
  outputOf,
  requestCtx,
  resultLine,
} from './writeSupport';

const PATCH_TYPES: Record<string, PatchType> = { json: 'json', merge: 'merge', strategic: 'strategic' };

/** the -p text as JSON; kubectl runs it through yaml.ToJSON, so YAML is accepted too */
export function parsePatchText(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    // fall through to YAML
  }
  try {
    const v: unknown = parseYaml(text, { version: '1.1', maxAliasCount: 100, uniqueKeys: false });
    return toPlainJson(v, 100_000, 1_000);
  } catch (e) {
    const detail = (e as Error).message.split('\n')[0] ?? '';
    throw new Error(`unable to parse "${text}": ${detail}`, { cause: e });
  }
}

export const patchCommand: CommandSpec = {
  path: ['patch'],
  summary: 'Update fields of a resource',
  flags: [
    filenameFlag,
    namespaceFlag,
    outputFlag,
    dryRunFlag,
    { name: 'patch', short: 'p', type: 'string' },
    { name: 'patch-file', type: 'string' },
    { name: 'type', type: 'string', default: 'strategic' },
    { name: 'subresource', type: 'string' },
    { name: 'local', type: 'bool' },
  ],
  run(args, ctx): CommandResult {
    const typeName = args.string('type') ?? 'strategic';
    const type = PATCH_TYPES[typeName];
    if (!type) throw new Error(`--type must be one of [json merge strategic], not "${typeName}"`);
    const file = args.string('patch-file');
    if (file) throw new Error(`unable to read patch file: open ${file}: no such file or directory`);
    const text = args.string('patch') ?? '';
    if (text === '')
      throw new Error('must specify --patch or --patch-file containing the contents of the patch');
    const sub = args.string('subresource');
    if (sub !== undefined && sub !== 'status') {
      throw new Error(`invalid subresource value: "${sub}". Must be one of [status scale]`);
    }
    const patch = parsePatchText(text);
    const dry = dryRunOf(args);
    const output = outputOf(args);
    const targets = resolveTargets(ctx.rt, args, { stdin: ctx.stdin, verb: 'patch' });
    const out: string[] = [];
    const errors: string[] = [];
    for (const t of targets) {
      try {
        const before = liveObject(ctx.rt, t);
        // client dry-run applies the patch without persisting it, which server dry-run does for us
        const rc = requestCtx('patch', dry === 'none' ? 'none' : 'server');
        const after = ctx.rt.api.patch(
          resourceArg(t.info),
          t.namespace,
          t.name,
          type,
          patch,
          rc,
          sub === 'status' ? 'status' : undefined,
        );
        const op = deepEqual(before, after) ? 'patched (no change)' : 'patched';
        out.push(resultLine(t.info, after, op, output, dry));
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
