// Shared pieces of kubectl's writing verbs: request context, --dry-run, -o printing, and error lines in kubectl's words
// (k8s.io/kubectl/pkg/cmd/util/helpers.go StandardErrorMessage, AddSourceToErr; pkg/cmd/util GetDryRunStrategy).
import { stringify } from 'yaml';
import { StatusError, type RequestContext, type ResourceInfo } from '../../apiserver/types';
import { formatInvalidForKubectl } from '../../apiserver/errors';
import { isUnknownResource } from '../../apiserver/registry';
import type { FlagSpec, ParsedArgs } from '../args';
import { ArgsError } from '../args';
import type { KubeObject } from '../../types/object';
import { kindSlashName } from '../resourceName';
import { ManifestError, parseManifests } from '../manifest/parseManifests';
import { DurationError, parseDuration } from '../duration';

/** isUnknownResource without type narrowing (its guard would exclude every StatusError in the else branch) */
export const unknownResource = (e: unknown): boolean => isUnknownResource(e);

export type DryRun = 'none' | 'client' | 'server';

/** an error already in kubectl's final words (printed as is on stderr) */
export class LineError extends Error {}

export const namespaceFlag: FlagSpec = {
  name: 'namespace',
  short: 'n',
  type: 'string',
  // genericclioptions ConfigFlags
  help: 'If present, the namespace scope for this CLI request',
};
export const filenameFlag: FlagSpec = {
  name: 'filename',
  short: 'f',
  type: 'stringArray',
  help: 'Files identifying the resources; `-f -` reads the stdin panel.',
};
export const outputFlag: FlagSpec = {
  name: 'output',
  short: 'o',
  type: 'string',
  help: 'Output format. One of: (json, yaml, name).',
};
export const dryRunFlag: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  // cmdutil.AddDryRunFlag
  help: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
};
export const selectorFlag: FlagSpec = {
  name: 'selector',
  short: 'l',
  type: 'string',
  // cmdutil.AddLabelSelectorFlagVar
  help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
};
export const allFlag: FlagSpec = {
  name: 'all',
  type: 'bool',
  help: 'Select all resources in the namespace of the specified resource types.',
};
export const validateFlag: FlagSpec = {
  name: 'validate',
  type: 'string',
  default: 'strict',
  help: 'strict|warn|ignore|true|false',
};
export const fieldManagerFlag: FlagSpec = {
  name: 'field-manager',
  type: 'string',
  help: 'Name of the manager used to track field ownership.',
};
export const recursiveFlag: FlagSpec = {
  name: 'recursive',
  short: 'R',
  type: 'bool',
  help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
};

/** mirrors cmdutil.GetDryRunStrategy */
export function dryRunOf(args: ParsedArgs): DryRun {
  const v = args.string('dry-run') ?? 'none';
  if (v === 'none' || v === '' || v === 'false') return 'none';
  if (v === 'client' || v === 'true') return 'client';
  if (v === 'server') return 'server';
  throw new Error(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/** ` (dry run)` / ` (server dry run)` after an operation word, as kubectl's printers add it */
export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}

export function requestCtx(verb: string, dryRun: DryRun = 'none', fieldManager?: string): RequestContext {
  const ctx: RequestContext = {
    actor: 'kubectl',
    cause: `kubectl ${verb}`,
    fieldManager: fieldManager ?? `kubectl-${verb}`,
  };
  if (dryRun === 'server') ctx.dryRun = true;
  return ctx;
}

/** --validate: anything but false/ignore keeps client-side checks */
export function validateOf(args: ParsedArgs): boolean {
  const v = args.string('validate') ?? 'strict';
  return !(v === 'false' || v === 'ignore');
}

export const OUTPUTS = ['yaml', 'json', 'name'];

export function outputOf(args: ParsedArgs): string | undefined {
  const o = args.string('output');
  if (o === undefined || o === '') return undefined;
  if (!OUTPUTS.includes(o)) {
    throw new Error(
      `unable to match a printer suitable for the output format "${o}", allowed formats are: json,name,yaml`,
    );
  }
  return o;
}

/** an object as `-o yaml` (sorted keys, like sigs.k8s.io/yaml) or `-o json` (4-space indent) prints it */
export function formatObject(obj: KubeObject, format: 'yaml' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(obj, null, 4)}\n`;
  return stringify(obj, { sortMapEntries: true, indentSeq: false, lineWidth: 0 });
}

/** the line a writing verb prints for one object: `deployment.apps/web created`, or the object itself with -o */
export function resultLine(
  info: ResourceInfo,
  obj: KubeObject,
  op: string,
  output: string | undefined,
  dry: DryRun,
): string {
  const name = kindSlashName(info, obj.metadata.name ?? '');
  if (output === 'name') return `${name}\n`;
  if (output === 'yaml' || output === 'json') return formatObject(obj, output);
  return `${name} ${op}${dryRunSuffix(dry)}\n`;
}

/** kubectl's one-line rendering of an error (StandardErrorMessage); Invalid prints its own `The Kind "name" is invalid` */
export function errorLine(err: unknown): string {
  if (err instanceof StatusError) {
    if (unknownResource(err)) return `error: ${err.status.message}`;
    if (err.status.reason === 'Invalid') return formatInvalidForKubectl(err.status);
    return `Error from server (${err.status.reason}): ${err.status.message}`;
  }
  if (err instanceof ArgsError) return err.message;
  const msg = err instanceof Error ? err.message : String(err);
  return msg.startsWith('error: ') ? msg : `error: ${msg}`;
}

/** cmdutil.AddSourceToErr: `error when creating "STDIN": <message>` (Invalid keeps its own form) */
export function sourceErrorLine(verb: string, source: string, err: unknown): string {
  if (err instanceof StatusError && !unknownResource(err) && err.status.reason !== 'Invalid') {
    return `Error from server (${err.status.reason}): error when ${verb} "${source}": ${err.status.message}`;
  }
  if (err instanceof StatusError) return errorLine(err);
  const msg = err instanceof Error ? err.message : String(err);
  return `error: error when ${verb} "${source}": ${msg}`;
}

/** the manifests named by -f: only `-f -` (stdin) exists in kubesim, which has no filesystem */
export function readManifests(
  args: ParsedArgs,
  stdin: string | undefined,
  verb: string,
): { source: string; objects: KubeObject[] } {
  const files = args.strings('filename');
  if (files.length === 0) throw new Error('must specify one of -f and -k');
  const objects: KubeObject[] = [];
  for (const f of files) {
    if (f !== '-') throw new ManifestError(`the path "${f}" does not exist`);
    objects.push(...parseManifests(stdin ?? '', 'STDIN', { validate: validateOf(args) }).objects);
  }
  if (objects.length === 0) throw new ManifestError(`no objects passed to ${verb}`);
  return { source: 'STDIN', objects };
}

/** a --timeout style flag in ms; kubectl's flag error on bad input */
export function durationFlag(args: ParsedArgs, name: string, fallbackMs: number): number {
  const text = args.string(name);
  if (text === undefined || text === '') return fallbackMs;
  // kubectl also takes a bare number of seconds for some timeouts (e.g. delete --timeout is a Duration, wait too)
  try {
    return parseDuration(text);
  } catch (e) {
    if (e instanceof DurationError) {
      throw new Error(`invalid argument "${text}" for "--${name}" flag: ${e.message}`, { cause: e });
    }
    throw e;
  }
}

/** deep copy of a frozen API object, ready to change */
export function mutableCopy(obj: Readonly<KubeObject>): KubeObject {
  return structuredClone(obj) as KubeObject;
}
