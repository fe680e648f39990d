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
import { selectorFlag } from './writeSupport';
import { runGetWatch } from './getWatch';
import { parseRequestTimeout } from './requestTimeout';

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
  const watching = args.bool('watch') || args.bool('watch-only');
  if (args.bool('output-watch-events') && !watching) {
    return {
      code: 1,
      stdout: '',
      stderr: 'error: --output-watch-events option can only be used with --watch or --watch-only\n',
    };
  }
  // in watch mode get.go skips the "Required resource" check: the resource builder reports the missing resource
  if (args.positionals.length === 0 && !watching) return { code: 1, stdout: '', stderr: REQUIRED_RESOURCE };
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
  if (watching) {
    // the dispatcher has checked the global --request-timeout
    const timeoutMs = parseRequestTimeout(args.string('request-timeout'));
    return runGetWatch(args, ctx, {
      requests,
      fmt,
      namespace,
      allNamespaces,
      timeoutMs: typeof timeoutMs === 'number' ? timeoutMs : 0,
    });
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
    // descriptions: kubectl/pkg/cmd/get (get.go, get_flags.go, humanreadable_flags.go)
    {
      name: 'all-namespaces',
      short: 'A',
      type: 'bool',
      help: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
    },
    selectorFlag,
    {
      name: 'field-selector',
      type: 'string',
      help: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
    },
    {
      name: 'output',
      short: 'o',
      type: 'string',
      help: 'Output format. One of: (json, yaml, name, jsonpath, custom-columns, wide).',
    },
    {
      name: 'show-labels',
      type: 'bool',
      help: 'When printing, show all labels as the last column (default hide labels column)',
    },
    {
      name: 'show-kind',
      type: 'bool',
      help: 'If present, list the resource type for the requested object(s).',
    },
    {
      name: 'label-columns',
      short: 'L',
      type: 'stringArray',
      help: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...',
    },
    {
      name: 'no-headers',
      type: 'bool',
      help: "When using the default or custom-column output format, don't print headers (default print headers).",
    },
    {
      name: 'sort-by',
      type: 'string',
      help: "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string.",
    },
    {
      name: 'watch',
      short: 'w',
      type: 'bool',
      help: 'After listing/getting the requested object, watch for changes.',
    },
    {
      name: 'watch-only',
      type: 'bool',
      help: 'Watch for changes to the requested object(s), without listing/getting first.',
    },
    {
      name: 'output-watch-events',
      type: 'bool',
      help: 'Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.',
    },
    {
      name: 'ignore-not-found',
      type: 'bool',
      help: 'If set to true, suppresses NotFound error for specific objects that do not exist. Using this flag with commands that query for collections of resources has no effect when no resources are found.',
    },
  ],
  run: runGet,
};
