// `kubectl edit (TYPE/NAME | TYPE NAME)`: change a live object in an editor. mirrors kubectl/pkg/cmd/util/editor
// editoptions.go: the buffer (its header comment, then the object as YAML or JSON), comments stripped on save,
// "Edit cancelled, no changes made." / "saved file was empty.", apiVersion/kind/name kept (the preconditions), the
// two-way strategic merge patch from the object as opened to the object as saved, and the editor reopened with the
// reasons at the top when the server rejects it.
// kubesim has no $EDITOR: run without stdin, the command opens the buffer (the result's `editor`; the app shows it in
// its editor); run again with the saved buffer as stdin, it saves, as quitting the editor would.
import type { CommandContext, CommandResult, CommandSpec } from '../types';
import type { ParsedArgs } from '../args';
import type { KubeObject } from '../../types/object';
import type { JsonObject } from '../../types/json';
import { StatusError } from '../../apiserver/types';
import { commandNamespace } from '../resourceName';
import { formatStatusError } from '../statusText';
import { printJson, printYaml, sortKeysDeep, asList } from '../printers/jsonOutput';
import { kindPrefix } from '../printers/format';
import { createTwoWayMergePatch } from '../../patch/threeWay';
import { parseManifests } from '../manifest/parseManifests';
import { fieldManagerFlag, namespaceFlag, requestCtx } from './writeSupport';
import { fetchResources, qualified, resolveResourceArgs, UsageError } from './resourceArgs';
import { NO_RESOURCES_MESSAGE } from './writeTargets';

const HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n' +
  '#\n';

interface Reason {
  head: string;
  other: string[];
}

/** editHeader.writeTo: the header, then each reason and its causes as comments */
function header(reasons: readonly Reason[]): string {
  let out = HEADER;
  for (const r of reasons) {
    out += r.other.length > 0 ? `# ${r.head}:\n` : `# ${r.head}\n`;
    for (const o of r.other) out += `# * ${o}\n`;
    out += '#\n';
  }
  return out;
}

/** cmdutil.ManualStrip: drop comment lines (but not #! lines) */
function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => {
      const t = l.trim();
      return !(t.startsWith('#') && !t.startsWith('#!'));
    })
    .join('\n');
}

/** hasLines: any line with something other than whitespace or a comment */
function hasLines(text: string): boolean {
  return text.split('\n').some((l) => {
    const t = l.trim();
    return t !== '' && !t.startsWith('#');
  });
}

/** the objects as the editor shows them: one bare object, or a v1 List of several */
function printed(objs: readonly KubeObject[], json: boolean): string {
  const value = objs.length === 1 ? sortKeysDeep(objs[0]) : asList(objs);
  return json ? printJson(value) : printYaml(value);
}

/** where kubectl would have preserved the file (a kubectl-edit-*.yaml in the temp directory) */
function preservedPath(ctx: CommandContext, json: boolean): string {
  const n = ctx.rt.sim.rng.fork(`kubectl-edit-${ctx.rt.store.revision}`).int(0, 4_294_967_295);
  return `/tmp/kubectl-edit-${n}.${json ? 'json' : 'yaml'}`;
}

function runEdit(args: ParsedArgs, ctx: CommandContext): CommandResult {
  const { rt } = ctx;
  const json = args.string('output') === 'json';
  if (args.positionals.length === 0)
    return { code: 1, stdout: '', stderr: `error: ${NO_RESOURCES_MESSAGE}\n` };
  const namespace = commandNamespace(args.string('namespace'));
  let requests;
  try {
    requests = resolveResourceArgs(rt.api, args.positionals);
  } catch (e) {
    if (e instanceof UsageError) return { code: 1, stdout: '', stderr: `error: ${e.message}\n` };
    throw e;
  }
  const { fetched, errors } = fetchResources(rt.api, requests, { namespace });
  if (errors.length > 0) return { code: 1, stdout: '', stderr: errors.map((e) => `${e}\n`).join('') };
  const items = fetched.flatMap((f) => f.objects.map((obj) => ({ info: f.info, obj })));
  if (items.length === 0) return { code: 1, stdout: '', stderr: 'error: edit cancelled, no objects found\n' };
  const key = `${namespace} ${args.positionals.join(' ')}`;
  const current = printed(
    items.map((i) => i.obj),
    json,
  );

  // open: the editor shows the header and the objects
  if (ctx.stdin === undefined) {
    ctx.edits?.set(key, current);
    const buffer = HEADER + current;
    return {
      code: 0,
      stdout: buffer,
      stderr: `(kubesim: this is the file kubectl would open in $EDITOR: change it, then save it by running "kubectl edit ${args.positionals.join(' ')}" again with it as stdin, or with Save in the app)\n`,
      editor: buffer,
    };
  }

  // save: the edited file, compared with the objects as they were opened
  const original = ctx.edits?.get(key) ?? current;
  const edited = ctx.stdin;
  const reopen = (reasons: Reason[], stderr: string): CommandResult => ({
    code: 1,
    stdout: '',
    stderr: `${stderr}(kubesim: the editor is open again with the reasons at the top, as kubectl reopens it)\n`,
    editor: header(reasons) + stripComments(edited),
  });
  let editedObjs: KubeObject[];
  try {
    editedObjs = hasLines(edited)
      ? parseManifests(stripComments(edited), 'edited file', { validate: false }).objects
      : [];
  } catch (e) {
    const msg = (e as Error).message.replace(/^error parsing edited file: /, '');
    return reopen([{ head: `The edited file had a syntax error: ${msg}`, other: [] }], '');
  }
  const originalObjs = parseManifests(original, 'original', { validate: false }).objects;
  if (JSON.stringify(sortKeysDeep(editedObjs)) === JSON.stringify(sortKeysDeep(originalObjs))) {
    ctx.edits?.delete(key);
    return { code: 0, stdout: '', stderr: 'Edit cancelled, no changes made.\n' };
  }
  if (!hasLines(edited)) {
    ctx.edits?.delete(key);
    return { code: 0, stdout: '', stderr: 'Edit cancelled, saved file was empty.\n' };
  }
  const preserved = (message: string): CommandResult => ({
    code: 1,
    stdout: '',
    stderr: `A copy of your changes has been stored to "${preservedPath(ctx, json)}"\nerror: ${message}\n`,
  });
  let stdout = '';
  let stderr = '';
  const reasons: Reason[] = [];
  let retry = false;
  for (const [i, after] of editedObjs.entries()) {
    const before = originalObjs[i];
    const item = items.find(
      (it) => it.obj.metadata.name === before?.metadata.name && it.obj.kind === before?.kind,
    );
    if (!before || !item) return preserved('At least one of apiVersion, kind and name was changed');
    // RequireNamespace: the object stays in the command's namespace
    const ns = after.metadata.namespace;
    if (item.info.namespaced && ns && ns !== namespace)
      return preserved(
        `the namespace from the provided object "${ns}" does not match the namespace "${namespace}". You must pass '--namespace=${ns}' to perform this operation.`,
      );
    const patch = createTwoWayMergePatch(
      before as unknown as JsonObject,
      after as unknown as JsonObject,
      item.info.kind,
    );
    const meta = patch.metadata as JsonObject | undefined;
    if ('apiVersion' in patch || 'kind' in patch || (meta && 'name' in meta))
      return preserved('At least one of apiVersion, kind and name was changed');
    const name = before.metadata.name ?? '';
    const prefix = `${kindPrefix(before.apiVersion, before.kind)}/${name}`;
    if (Object.keys(patch).length === 0) {
      stdout += `${prefix} skipped\n`;
      continue;
    }
    try {
      rt.api.patch(
        qualified(item.info),
        item.info.namespaced ? namespace : undefined,
        name,
        'strategic',
        patch,
        requestCtx('edit', 'none', args.string('field-manager') ?? 'kubectl-edit'),
      );
      stdout += `${prefix} edited\n`;
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      const what = `${qualified(item.info)} ${JSON.stringify(name)}`;
      if (e.status.reason === 'Invalid') {
        reasons.push({
          head: `${what} was not valid`,
          other: (e.status.details?.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`),
        });
        stderr += `error: ${what} is invalid\n`;
      } else if (e.status.reason === 'NotFound') {
        stderr += `error: ${what} could not be found on the server\nThe edits you made on deleted resources have been saved to "${preservedPath(ctx, json)}"\n`;
        return { code: 1, stdout, stderr };
      } else {
        stderr += `error: ${what} could not be patched: ${formatStatusError(e.status).replace(/^Error from server \(\w+\): /, '')}\n`;
        retry = true;
      }
    }
  }
  if (retry) {
    stderr += `You can run \`kubectl replace -f ${preservedPath(ctx, json)}\` to try this update again.\n`;
    return { code: 1, stdout, stderr };
  }
  if (reasons.length > 0) return { ...reopen(reasons, stderr), stdout };
  ctx.edits?.delete(key);
  return { code: 0, stdout, stderr };
}

export const editCommand: CommandSpec = {
  path: ['edit'],
  summary: 'Edit a resource on the server',
  // descriptions: kubectl/pkg/cmd/edit/edit.go, cmdutil.AddFieldManagerFlagVar
  flags: [
    namespaceFlag,
    {
      name: 'output',
      short: 'o',
      type: 'string',
      help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
    },
    { ...fieldManagerFlag, default: 'kubectl-edit' },
  ],
  run: runEdit,
};
