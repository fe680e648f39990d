// `kubectl get`: fetch by type/name/selector and print as a table (one per kind), name, json, yaml, jsonpath or
// custom columns. mirrors kubectl/pkg/cmd/get/get.go (Run, printGeneric, "No resources found").
import type { CommandContext, CommandResult, CommandSpec } from '../types';
import type { ParsedArgs } from '../args';
import type { KubeObject } from '../../types/object';
import { commandNamespace } from '../resourceName';
import { parseOutputFormat, printStructured, type OutputFormat } from '../printers/output';
import { printTable } from '../printers/table';
import { printerForKind } from '../printers/columns/index';
import { sortObjects } from '../printers/sortBy';
import { fetchResources, resolveResourceArgs, UsageError, type Fetched } from './resourceArgs';

const REQUIRED_RESOURCE =
  'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
  'error: Required resource not specified.\n' +
  'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
  "See 'kubectl get -h' for help and examples\n";

const errText = (msgs: readonly string[]): string => msgs.map((m) => `${m}\n`).join('');

export interface TableRender {
  nowMs: number;
  wide: boolean;
  allNamespaces: boolean;
  noHeaders: boolean;
  showLabels: boolean;
  showKind: boolean;
  labelColumns: string[];
}

/**
 * tables for each run of same-kind objects, separated by a blank line (get.go separatorWriterWrapper).
 * showKind: several resource types were fetched (get.go multipleGVKsRequested over the server's Table per type).
 */
export function renderTables(
  objs: readonly KubeObject[],
  namespaced: (o: KubeObject) => boolean,
  r: TableRender,
): string {
  const withKind = r.showKind;
  const parts: string[] = [];
  let i = 0;
  while (i < objs.length) {
    const first = objs[i] as KubeObject;
    let j = i;
    while (
      j < objs.length &&
      (objs[j] as KubeObject).kind === first.kind &&
      (objs[j] as KubeObject).apiVersion === first.apiVersion
    )
      j++;
    const text = printTable(objs.slice(i, j), printerForKind(first.kind), {
      nowMs: r.nowMs,
      wide: r.wide,
      noHeaders: r.noHeaders,
      withNamespace: r.allNamespaces && namespaced(first),
      withKind,
      showLabels: r.showLabels,
      labelColumns: r.labelColumns,
    });
    if (text) parts.push(text);
    i = j;
  }
  return parts.join(r.noHeaders ? '' : '\n');
}

function runGet(args: ParsedArgs, ctx: CommandContext): CommandResult {
  let fmt: OutputFormat;
  try {
    fmt = parseOutputFormat(args.string('output'));
  } catch (e) {
    return { code: 1, stdout: '', stderr: `error: ${(e as Error).message}\n` };
  }
  if (args.positionals.length === 0) return { code: 1, stdout: '', stderr: REQUIRED_RESOURCE };
  const api = ctx.rt.api;
  const allNamespaces = args.bool('all-namespaces');
  const namespace = commandNamespace(args.string('namespace'));
  const selector = args.string('selector') ?? '';
  let requests;
  try {
    requests = resolveResourceArgs(api, args.positionals);
  } catch (e) {
    if (e instanceof UsageError) return { code: 1, stdout: '', stderr: `error: ${e.message}\n` };
    throw e;
  }
  const named = requests.some((r) => r.names.length > 0);
  if (named && selector)
    return { code: 1, stdout: '', stderr: 'error: name cannot be provided when a selector is specified\n' };
  if (named && allNamespaces) {
    return {
      code: 1,
      stdout: '',
      stderr: 'error: a resource cannot be retrieved by name across all namespaces\n',
    };
  }
  const { fetched, errors } = fetchResources(api, requests, {
    namespace: allNamespaces ? undefined : namespace,
    labelSelector: selector,
    fieldSelector: args.string('field-selector'),
  });
  const ignoreNotFound = args.bool('ignore-not-found');
  const shownErrors = ignoreNotFound
    ? errors.filter((e) => !e.startsWith('Error from server (NotFound)'))
    : errors;
  let objs = fetched.flatMap((f) => f.objects);
  const sortBy = args.string('sort-by');
  if (sortBy) objs = sortObjects(objs, sortBy);
  const code = shownErrors.length > 0 ? 1 : 0;
  if (fmt.kind !== 'table') {
    const singleItem = requests.length === 1 && requests[0]?.names.length === 1;
    if (singleItem && objs.length === 0) return { code, stdout: '', stderr: errText(shownErrors) };
    const stdout = printStructured(objs, fmt, singleItem, args.bool('no-headers'));
    return { code, stdout, stderr: errText(shownErrors) };
  }
  const stdout = renderTables(objs, (o) => isNamespaced(fetched, o), {
    nowMs: ctx.rt.sim.clock.nowMs(),
    wide: fmt.wide,
    allNamespaces,
    noHeaders: args.bool('no-headers'),
    showLabels: args.bool('show-labels'),
    showKind: args.bool('show-kind') || fetchedTypes(fetched) > 1,
    labelColumns: args
      .strings('label-columns')
      .flatMap((l) => l.split(','))
      .filter((l) => l !== ''),
  });
  let stderr = errText(shownErrors);
  if (stdout === '' && errors.length === 0 && !ignoreNotFound) {
    const allNamespaced = !allNamespaces && requests.every((r) => r.info.namespaced);
    stderr += allNamespaced ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n';
  }
  return { code, stdout, stderr };
}

/** how many resource types answered: every list answers (maybe with an empty Table), a named get only if found */
function fetchedTypes(fetched: readonly Fetched[]): number {
  return new Set(fetched.filter((f) => f.listed || f.objects.length > 0).map((f) => f.info)).size;
}

function isNamespaced(fetched: readonly Fetched[], o: KubeObject): boolean {
  return fetched.find((f) => f.info.kind === o.kind)?.info.namespaced ?? o.metadata.namespace !== undefined;
}

export const getCommand: CommandSpec = {
  path: ['get'],
  summary: 'Display one or many resources',
  flags: [
    { name: 'namespace', short: 'n', type: 'string' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'field-selector', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'show-labels', type: 'bool' },
    { name: 'show-kind', type: 'bool' },
    { name: 'label-columns', short: 'L', type: 'stringArray' },
    { name: 'no-headers', type: 'bool' },
    { name: 'sort-by', type: 'string' },
    { name: 'ignore-not-found', type: 'bool' },
  ],
  run: runGet,
};
