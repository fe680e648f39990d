// `kubectl config view|current-context|get-contexts|get-clusters|get-users|set-context|use-context`: the kubeconfig
// kubectl reads, after kubectl/pkg/cmd/config (messages, table layout, sort order). set-context --namespace is how a
// learner switches the default namespace of every later command.
import type { CommandResult, CommandSpec } from '../../types';
import { fail, ok } from '../../types';
import { alignColumns } from '../../printers/tabwriter';
import { parseOutputFormat, printStructured } from '../../printers/output';
import { printYaml } from '../../printers/jsonOutput';
import type { KubeObject } from '../../../types/object';
import type { KubeConfig } from './kubeconfig';
import { viewConfig } from './kubeconfig';

const helpError = (verb: string, msg: string): CommandResult =>
  fail(`error: ${msg}\nSee 'kubectl config ${verb} -h' for help and examples\n`);

const currentContext: CommandSpec = {
  path: ['config', 'current-context'],
  summary: 'Display the current-context',
  flags: [],
  run(_args, { kubeconfig }) {
    if (!kubeconfig.currentContext) return fail('error: current-context is not set\n');
    return ok(`${kubeconfig.currentContext}\n`);
  },
};

const getContexts: CommandSpec = {
  path: ['config', 'get-contexts'],
  summary: 'Describe one or many contexts',
  flags: [
    { name: 'output', short: 'o', type: 'string', help: 'Output format. One of: (name).' },
    {
      name: 'no-headers',
      type: 'bool',
      help: "When using the default or custom-column output format, don't print headers (default print headers).",
    },
  ],
  run(args, { kubeconfig }) {
    const output = args.string('output') ?? '';
    if (output !== '' && output !== 'name')
      return fail(
        `error: --output ${output} is not available in kubectl config get-contexts; resetting to default output format\n`,
      );
    const nameOnly = output === 'name';
    const errors: string[] = [];
    const names =
      args.positionals.length === 0
        ? [...kubeconfig.contexts.keys()]
        : args.positionals.filter((n) => {
            if (kubeconfig.contexts.has(n)) return true;
            errors.push(`context ${n} not found`);
            return false;
          });
    names.sort();
    const rows: string[][] = [];
    if (!nameOnly && !args.bool('no-headers'))
      rows.push(['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']);
    for (const n of names) {
      const c = kubeconfig.contexts.get(n);
      if (!c) continue;
      rows.push(
        nameOnly ? [n] : [kubeconfig.currentContext === n ? '*' : ' ', n, c.cluster, c.user, c.namespace],
      );
    }
    const stdout = rows.length === 0 ? '' : alignColumns(rows);
    if (errors.length === 0) return ok(stdout);
    const err = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
    return { code: 1, stdout, stderr: `error: ${err}\n` };
  },
};

function listNames(path: string, summary: string, names: (k: KubeConfig) => string[]): CommandSpec {
  return {
    path: ['config', path],
    summary,
    flags: [],
    run: (_args, { kubeconfig }) =>
      ok(
        `NAME\n${names(kubeconfig)
          .map((n) => `${n}\n`)
          .join('')}`,
      ),
  };
}

const setContext: CommandSpec = {
  path: ['config', 'set-context'],
  summary: 'Set a context entry in kubeconfig',
  flags: [
    { name: 'current', type: 'bool', help: 'Modify the current context' },
    { name: 'cluster', type: 'string', help: 'cluster for the context entry in kubeconfig' },
    { name: 'user', type: 'string', help: 'user for the context entry in kubeconfig' },
    { name: 'namespace', short: 'n', type: 'string', help: 'namespace for the context entry in kubeconfig' },
  ],
  run(args, { kubeconfig }) {
    if (args.positionals.length > 1)
      return helpError('set-context', `Unexpected args: [${args.positionals.join(' ')}]`);
    const current = args.bool('current');
    let name = args.positionals[0] ?? '';
    if (!name && !current) return fail('error: you must specify a non-empty context name or --current\n');
    if (name && current) return fail('error: you cannot specify both a context name and --current\n');
    if (current) {
      if (!kubeconfig.currentContext) return fail('error: no current context is set\n');
      name = kubeconfig.currentContext;
    }
    const existing = kubeconfig.contexts.get(name);
    const ctx = existing ?? { cluster: '', user: '', namespace: '' };
    if (args.has('cluster')) ctx.cluster = args.string('cluster') ?? '';
    if (args.has('user')) ctx.user = args.string('user') ?? '';
    if (args.has('namespace')) ctx.namespace = args.string('namespace') ?? '';
    kubeconfig.contexts.set(name, ctx);
    return ok(`Context ${JSON.stringify(name)} ${existing ? 'modified' : 'created'}.\n`);
  },
};

const useContext: CommandSpec = {
  path: ['config', 'use-context'],
  summary: 'Set the current-context in a kubeconfig file',
  flags: [],
  run(args, { kubeconfig }) {
    if (args.positionals.length > 1)
      return helpError('use-context', `Unexpected args: [${args.positionals.slice(1).join(' ')}]`);
    const name = args.positionals[0] ?? '';
    if (!name) return fail('error: empty context names are not allowed\n');
    if (!kubeconfig.contexts.has(name))
      return fail(`error: no context exists with the name: ${JSON.stringify(name)}\n`);
    kubeconfig.currentContext = name;
    return ok(`Switched to context ${JSON.stringify(name)}.\n`);
  },
};

/** json.MarshalIndent of the typed v1.Config: struct field order, not sorted keys */
const structJson = (v: unknown): string => `${JSON.stringify(v, null, 4)}\n`;

const view: CommandSpec = {
  path: ['config', 'view'],
  summary: 'Display merged kubeconfig settings or a specified kubeconfig file',
  flags: [
    {
      name: 'minify',
      type: 'bool',
      help: 'Remove all information not used by current-context from the output',
    },
    {
      name: 'output',
      short: 'o',
      type: 'string',
      default: 'yaml',
      help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
    },
  ],
  run(args, { kubeconfig }) {
    if (args.positionals.length > 0)
      return helpError('view', `unexpected arguments: [${args.positionals.join(' ')}]`);
    const cfg = viewConfig(kubeconfig, args.bool('minify'));
    let fmt;
    try {
      fmt = parseOutputFormat(args.string('output') ?? 'yaml');
    } catch (e) {
      return fail(`error: ${(e as Error).message}\n`);
    }
    if (fmt.kind === 'yaml') return ok(printYaml(cfg));
    if (fmt.kind === 'json') return ok(structJson(cfg));
    if (fmt.kind === 'table') return ok(printYaml(cfg));
    return ok(printStructured([cfg as unknown as KubeObject], fmt, true, false));
  },
};

export const configCommands: CommandSpec[] = [
  currentContext,
  getContexts,
  listNames('get-clusters', 'Display clusters defined in the kubeconfig', (k) =>
    [...k.clusters.keys()].sort(),
  ),
  listNames('get-users', 'Display users defined in the kubeconfig', (k) => [...k.users].sort()),
  setContext,
  useContext,
  view,
];
