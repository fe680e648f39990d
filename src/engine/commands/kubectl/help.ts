// `kubectl help` / bare `kubectl`: the command overview, grouped as kubectl groups its commands
// (kubectl/pkg/cmd/cmd.go NewKubectlCommand groups), listing only the verbs kubesim serves.
import type { CommandResult, CommandSpec } from '../types';
import { GLOBAL_OPTIONS, flagBlocks } from '../commandHelp';
import { namespaceFlag } from './writeSupport';
import { requestTimeoutFlag } from './requestTimeout';

const GROUPS: [string, string[]][] = [
  ['Basic Commands (Beginner)', ['create', 'expose', 'run', 'set']],
  ['Basic Commands (Intermediate)', ['explain', 'get', 'edit', 'delete']],
  ['Deploy Commands', ['rollout', 'scale', 'autoscale']],
  [
    'Cluster Management Commands',
    ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint'],
  ],
  [
    'Troubleshooting and Debugging Commands',
    ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events'],
  ],
  ['Advanced Commands', ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize']],
  ['Settings Commands', ['label', 'annotate', 'completion']],
  ['Subcommands provided by plugins', []],
  ['Other Commands', ['api-resources', 'api-versions', 'config', 'plugin', 'version', 'options']],
];

/** summaries of kubectl verbs that only exist as sub-command groups */
const GROUP_SUMMARIES: Record<string, string> = {
  rollout: 'Manage the rollout of a resource',
  config: 'Modify kubeconfig files',
  auth: 'Inspect authorization',
  set: 'Set specific features on objects',
};

/** the help text for the given served commands */
export function kubectlHelp(commands: readonly CommandSpec[]): string {
  const summaries = new Map<string, string>();
  for (const c of commands) {
    const verb = c.path[0] as string;
    if (c.path.length === 1) summaries.set(verb, c.summary);
    else if (!summaries.has(verb)) summaries.set(verb, GROUP_SUMMARIES[verb] ?? c.summary);
  }
  let out =
    'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n';
  const grouped = new Set<string>();
  for (const [title, verbs] of GROUPS) {
    const served = verbs.filter((v) => summaries.has(v));
    served.forEach((v) => grouped.add(v));
    if (served.length === 0) continue;
    out += `\n${title}:\n`;
    for (const v of served) out += `  ${v.padEnd(15)} ${summaries.get(v) ?? ''}\n`;
  }
  const others = [...summaries.keys()].filter((v) => !grouped.has(v) && v !== 'help').sort();
  if (others.length > 0) {
    out += '\nOther kubesim Commands:\n';
    for (const v of others) out += `  ${v.padEnd(15)} ${summaries.get(v) ?? ''}\n`;
  }
  out +=
    '\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\n' +
    GLOBAL_OPTIONS;
  return out;
}

/** help needs the full command list; it is handed over lazily to avoid an import cycle with ./index */
export function helpCommand(all: () => readonly CommandSpec[]): CommandSpec {
  return {
    path: ['help'],
    summary: 'Help about any command',
    flags: [],
    run(): CommandResult {
      return { code: 0, stdout: kubectlHelp(all()), stderr: '' };
    },
  };
}

/**
 * `kubectl options` (kubectl/pkg/cmd/options/options.go with templates.UseOptionsTemplates): the flags every command
 * takes: kubesim's are the namespace and the request timeout.
 */
export const optionsCommand: CommandSpec = {
  path: ['options'],
  summary: 'Print the list of flags inherited by all commands',
  flags: [],
  run(): CommandResult {
    return {
      code: 0,
      stdout: `The following options can be passed to any command:\n\n${flagBlocks([namespaceFlag, requestTimeoutFlag])}`,
      stderr: '',
    };
  },
};
