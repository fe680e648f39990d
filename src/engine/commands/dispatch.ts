// Runs one command line (`kubectl ...` or `sim ...`): finds the verb, parses flags, turns every failure into
// kubectl's own words on stderr with exit code 1. Never lets an exception escape as a stack trace.
import { ArgsError, parseArgs, tokenize, type ParsedArgs } from './args';
import type { KubeConfig } from './kubectl/config/kubeconfig';
import type { CommandContext, CommandResult, CommandSpec } from './types';
import { StatusError } from '../apiserver/types';
import { kubectlCommands } from './kubectl/index';
import { simCommands } from './sim/index';
import { formatStatusError } from './statusText';
import { commandHelp, groupHelp, wantsHelp } from './commandHelp';
import { parseRequestTimeout, requestTimeoutFlag } from './kubectl/requestTimeout';

const programs: Record<string, () => readonly CommandSpec[]> = {
  kubectl: () => kubectlCommands,
  sim: () => simCommands,
};

/** the longest registered verb path that prefixes words */
function findCommand(specs: readonly CommandSpec[], words: readonly string[]): CommandSpec | undefined {
  let best: CommandSpec | undefined;
  for (const spec of specs) {
    if (spec.path.length > words.length) continue;
    if (spec.path.every((p, i) => words[i] === p) && (!best || spec.path.length > best.path.length))
      best = spec;
  }
  return best;
}

/** index of the first word that is not a flag, skipping the values of the given global value flags */
function firstPositional(words: readonly string[], valueFlags: ReadonlySet<string>): number {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (!w.startsWith('-')) return i;
    if (valueFlags.has(w)) i++;
  }
  return words.length;
}

/** a command's flags, with kubectl's global --request-timeout (the namespace flag is in every kubectl spec) */
function flagsOf(program: string, spec: CommandSpec): CommandSpec['flags'] {
  if (program !== 'kubectl' || spec.flags.some((f) => f.name === requestTimeoutFlag.name)) return spec.flags;
  return [...spec.flags, requestTimeoutFlag];
}

/** args whose namespace, when -n was not given, is the current context's (has('namespace') stays false) */
function withContextNamespace(args: ParsedArgs, kubeconfig: KubeConfig): ParsedArgs {
  if (args.has('namespace')) return args;
  const ns = kubeconfig.contexts.get(kubeconfig.currentContext)?.namespace;
  if (!ns) return args;
  return {
    ...args,
    has: (name) => args.has(name),
    string: (name) => (name === 'namespace' ? ns : args.string(name)),
    bool: (name) => args.bool(name),
    int: (name) => args.int(name),
    strings: (name) => args.strings(name),
  };
}

export function runCommandLine(line: string, ctx: CommandContext): CommandResult {
  let words: string[];
  try {
    words = tokenize(line.trim());
  } catch (e) {
    return { code: 1, stdout: '', stderr: `${(e as Error).message}\n` };
  }
  if (words.length === 0) return { code: 0, stdout: '', stderr: '' };
  const program = words[0] as string;
  const specsOf = programs[program];
  if (!specsOf) {
    return {
      code: 127,
      stdout: '',
      stderr: `${program}: command not found (try "kubectl ..." or "sim help")\n`,
    };
  }
  const specs = specsOf();
  let rest = words.slice(1);
  // `kubectl -n ns get pods`: kubectl accepts global flags before the verb
  const start = firstPositional(rest, new Set(['-n', '--namespace', '--request-timeout']));
  const leading = rest.slice(0, start);
  rest = rest.slice(start);
  const spec = findCommand(specs, rest);
  if (!spec) {
    if (rest.length === 0) {
      const help = findCommand(specs, ['help']);
      if (help) return help.run(parseArgs([], help.flags), ctx);
    }
    // a command group (`kubectl set`, `kubectl rollout`): its help, or for an unknown subcommand
    // cmdutil.DefaultSubCommandRun's RequireNoArguments -> UsageErrorf; bare, the help goes to stderr with exit 1
    const group = rest[0];
    const help = group === undefined ? undefined : groupHelp(program, group, specs);
    if (help !== undefined) {
      if (wantsHelp(rest.slice(1))) return { code: 0, stdout: help, stderr: '' };
      if (rest.length === 1) return { code: 1, stdout: '', stderr: help };
      return {
        code: 1,
        stdout: '',
        stderr: `error: unknown command "${rest.slice(1).join(' ')}"\nSee '${program} ${group} -h' for help and examples\n`,
      };
    }
    return {
      code: 1,
      stdout: '',
      stderr: `error: unknown command "${rest[0] ?? ''}" for "${program}"\nRun '${program} --help' for usage.\n`,
    };
  }
  if (wantsHelp(rest.slice(spec.path.length)))
    return { code: 0, stdout: commandHelp(program, spec), stderr: '' };
  if (program !== 'kubectl') return runSpec(program, spec, leading, rest, ctx);
  // the API server's Warning headers (deprecated v1 Endpoints) come first on stderr, each once, as kubectl prints them
  const { result, warnings } = ctx.rt.api.collectWarnings(() => runSpec(program, spec, leading, rest, ctx));
  if (warnings.length === 0) return result;
  return { ...result, stderr: warnings.map((w) => `Warning: ${w}\n`).join('') + result.stderr };
}

function runSpec(
  program: string,
  spec: CommandSpec,
  leading: readonly string[],
  rest: readonly string[],
  ctx: CommandContext,
): CommandResult {
  const verb = [program, ...spec.path].join(' ');
  try {
    let args = parseArgs([...leading, ...rest.slice(spec.path.length)], flagsOf(program, spec));
    // without -n, kubectl and sim commands work in the current context's namespace (`kubectl config` has its own -n)
    if (!(program === 'kubectl' && spec.path[0] === 'config'))
      args = withContextNamespace(args, ctx.kubeconfig);
    if (program === 'kubectl') {
      // every kubectl command builds its client config from --request-timeout first
      const timeout = parseRequestTimeout(args.string('request-timeout'));
      if (typeof timeout === 'string') return { code: 1, stdout: '', stderr: `error: ${timeout}\n` };
    }
    return spec.run(args, ctx);
  } catch (e) {
    if (e instanceof ArgsError) {
      return { code: 1, stdout: '', stderr: `${e.message}\nSee '${verb} --help' for usage.\n` };
    }
    if (e instanceof StatusError) {
      return { code: 1, stdout: '', stderr: `${formatStatusError(e.status)}\n` };
    }
    const msg = e instanceof Error ? e.message : String(e);
    return { code: 1, stdout: '', stderr: `error: ${msg}\n` };
  }
}
