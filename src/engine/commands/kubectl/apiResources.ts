// `kubectl api-resources` and `kubectl api-versions`: discovery as kubectl prints it.
// mirrors kubectl/pkg/cmd/apiresources/apiresources.go (sorted by group then name, --namespaced, -o wide|name)
// and apiversions.go (sorted group/versions).
import type { CommandContext, CommandResult, CommandSpec } from '../types';
import type { ParsedArgs } from '../args';
import type { ResourceInfo } from '../../apiserver/types';
import { apiVersionOf } from '../../apiserver/types';
import { alignColumns } from '../printers/tabwriter';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** mirrors sortableResource.Less: by --sort-by value (group by default), then name */
export function sortResources(list: readonly ResourceInfo[], sortBy: string): ResourceInfo[] {
  const key = (r: ResourceInfo) => (sortBy === 'name' ? r.plural : sortBy === 'kind' ? r.kind : r.group);
  return [...list].sort((a, b) => cmp(key(a), key(b)) || cmp(a.plural, b.plural));
}

function runApiResources(args: ParsedArgs, ctx: CommandContext): CommandResult {
  const output = args.string('output') ?? '';
  if (output !== '' && output !== 'wide' && output !== 'name') {
    return {
      code: 1,
      stdout: '',
      stderr: `error: --output ${output} is not available\n`,
    };
  }
  const sortBy = args.string('sort-by') ?? '';
  if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') {
    return { code: 1, stdout: '', stderr: `error: --sort-by accepts only name or kind\n` };
  }
  let list = ctx.rt.api.resources().filter((r) => r.verbs.length > 0);
  if (args.has('namespaced')) list = list.filter((r) => r.namespaced === args.bool('namespaced'));
  if (args.has('api-group')) list = list.filter((r) => r.group === (args.string('api-group') ?? ''));
  const verbs = args
    .strings('verbs')
    .flatMap((v) => v.split(','))
    .filter((v) => v !== '');
  if (verbs.length > 0) list = list.filter((r) => verbs.every((v) => r.verbs.includes(v)));
  const sorted = sortResources(list, sortBy);
  if (output === 'name') {
    return {
      code: 0,
      stdout: sorted.map((r) => `${r.group ? `${r.plural}.${r.group}` : r.plural}\n`).join(''),
      stderr: '',
    };
  }
  const wide = output === 'wide';
  const rows: string[][] = [];
  if (!args.bool('no-headers')) {
    rows.push([
      'NAME',
      'SHORTNAMES',
      'APIVERSION',
      'NAMESPACED',
      'KIND',
      ...(wide ? ['VERBS', 'CATEGORIES'] : []),
    ]);
  }
  for (const r of sorted) {
    const row = [r.plural, r.shortNames.join(','), apiVersionOf(r), String(r.namespaced), r.kind];
    if (wide) row.push(`[${r.verbs.join(' ')}]`, (r.categories ?? []).join(','));
    rows.push(row);
  }
  return { code: 0, stdout: rows.length === 0 ? '' : alignColumns(rows), stderr: '' };
}

export const apiResourcesCommand: CommandSpec = {
  path: ['api-resources'],
  summary: 'Print the supported API resources on the server',
  flags: [
    { name: 'namespaced', type: 'bool', default: true },
    { name: 'api-group', type: 'string' },
    { name: 'verbs', type: 'stringArray' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'no-headers', type: 'bool' },
    { name: 'sort-by', type: 'string' },
  ],
  run: runApiResources,
};

export const apiVersionsCommand: CommandSpec = {
  path: ['api-versions'],
  summary: 'Print the supported API versions on the server, in the form of "group/version"',
  flags: [],
  run(_args, ctx) {
    const versions = [...new Set(ctx.rt.api.resources().map((r) => apiVersionOf(r)))].sort();
    return { code: 0, stdout: versions.map((v) => `${v}\n`).join(''), stderr: '' };
  },
};
