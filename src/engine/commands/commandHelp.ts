// `--help` / `-h` for every command and the help of a command group (`kubectl set`, `kubectl rollout`), laid out as
// kubectl's cobra templates lay them out (k8s.io/kubectl/pkg/util/templates): description, Options (one block per
// flag, sorted, with its default), Usage, and the closing pointer. kubesim's descriptions are the commands' summaries.
import type { FlagSpec } from './args';
import type { CommandSpec } from './types';
import { kubectlFlagHelp } from './kubectl/flagHelp';

/** the long descriptions of the command groups kubectl prints above their subcommands (set.go, rollout.go) */
const GROUP_LONG: Record<string, string> = {
  'kubectl set':
    'Configure application resources.\n\n These commands help you make changes to existing application resources.',
  'kubectl config':
    "Modify kubeconfig files.\n\n kubesim keeps one kubeconfig per cluster, in memory: its current context's namespace is where commands run without -n.",
  'kubectl rollout':
    'Manage the rollout of one or many resources.\n\n Valid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets',
};

/** the last line of every kubectl help (cobra templates' usage footer) */
export const GLOBAL_OPTIONS =
  'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';

/** pflag's default as kubectl's help prints it: strings quoted, lists as [] */
function defaultText(f: FlagSpec): string {
  switch (f.type) {
    case 'bool':
      return String(f.default ?? false);
    case 'int':
      return String(f.default ?? 0);
    case 'duration':
      return String(f.default ?? '0s');
    case 'stringArray':
      return '[]';
    case 'string':
      return `'${String(f.default ?? '')}'`;
  }
}

/** kubectl lists its global options (the namespace among them) under `kubectl options`, not per command */
const GLOBAL_FLAGS = new Set(['namespace', 'request-timeout']);

function optionsBlock(program: string, spec: CommandSpec): string {
  // `kubectl config set-context -n` is the context's own namespace, not the global flag
  const local = spec.flags.filter(
    (f) => program !== 'kubectl' || !GLOBAL_FLAGS.has(f.name) || spec.path[0] === 'config',
  );
  // a flag kubesim describes in its spec keeps that text; otherwise kubectl's own, when there is one
  const described =
    program === 'kubectl'
      ? local.map((f) => (f.help ? f : { ...f, help: kubectlFlagHelp(spec.path, f.name) }))
      : local;
  return flagBlocks(described);
}

/** one block per flag, sorted by name: `    -c, --containers='*':` then its description after a tab */
export function flagBlocks(flags: readonly FlagSpec[]): string {
  const sorted = [...flags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let out = '';
  for (const f of sorted) {
    const names = f.short ? `-${f.short}, --${f.name}` : `--${f.name}`;
    out += `    ${names}=${defaultText(f)}:\n${f.help ? `\t${f.help}\n` : ''}\n`;
  }
  return out;
}

/** `<program> <path> --help` */
export function commandHelp(program: string, spec: CommandSpec): string {
  const path = [program, ...spec.path].join(' ');
  let out = `${spec.summary.endsWith('.') ? spec.summary : `${spec.summary}.`}\n\n`;
  const options = optionsBlock(program, spec);
  if (options !== '') out += `Options:\n${options}`;
  out += `Usage:\n  ${path} [options]\n\n`;
  if (program === 'kubectl') out += GLOBAL_OPTIONS;
  return out;
}

/** the subcommands of a group, or undefined when `group` is not one */
export function groupHelp(program: string, group: string, specs: readonly CommandSpec[]): string | undefined {
  const subs = specs
    .filter((s) => s.path.length > 1 && s.path[0] === group && !s.alias)
    .sort((a, b) => ((a.path[1] ?? '') < (b.path[1] ?? '') ? -1 : 1));
  if (subs.length === 0) return undefined;
  const name = `${program} ${group}`;
  let out = `${GROUP_LONG[name] ?? `The ${group} commands.`}\n\nAvailable Commands:\n`;
  const width = Math.max(...subs.map((s) => s.path.slice(1).join(' ').length)) + 3;
  for (const s of subs) out += `  ${s.path.slice(1).join(' ').padEnd(width)}${s.summary}\n`;
  out += `\nUsage:\n  ${name} SUBCOMMAND [options]\n\nUse "${name} <command> --help" for more information about a given command.\n`;
  if (program === 'kubectl') out += GLOBAL_OPTIONS;
  return out;
}

/** whether the words after a command ask for its help (before any `--`) */
export function wantsHelp(words: readonly string[]): boolean {
  for (const w of words) {
    if (w === '--') return false;
    if (w === '--help' || w === '-h') return true;
  }
  return false;
}
