// `kubectl set env deployment/web FOO=bar BAZ- [-c nginx] [--from=configmap/cfg] [--list]`: change the environment of
// containers in a pod template (mirrors k8s.io/kubectl/pkg/cmd/set/set_env.go and set/env/env_parse.go).
import type { CommandResult, CommandSpec } from '../types';
import type { ClusterRuntime } from '../../cluster/types';
import type { ResourceInfo } from '../../apiserver/types';
import type { ParsedArgs } from '../args';
import { isEnvVarName } from '../../apiserver/validation/names';
import { podSpecOf } from './setImage';
import { selectedContainers } from './setContainers';
import { liveObject, resolveTargets, type Target } from './writeTargets';
import { outputOf } from './writeSupport';
import { SET_FLAGS, checkLocal, eachTarget, startingObject, writeChanged } from './setSupport';

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name?: string; key: string };
    secretKeyRef?: { name?: string; key: string };
    fieldRef?: { fieldPath: string };
    resourceFieldRef?: { containerName?: string; resource: string };
  };
}
interface ContainerEnv {
  name?: string;
  env?: EnvVar[];
}

const ENV_ARGUMENT = /^(.+)=(.*)$/s;

/** SplitEnvironmentFromResources: resources first, then KEY=VALUE and KEY- arguments */
export function splitEnvironmentFromResources(
  args: readonly string[],
): { resources: string[]; envArgs: string[] } | undefined {
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const s of args) {
    const isEnv = ENV_ARGUMENT.test(s) || s.endsWith('-');
    if (isEnv) envArgs.push(s);
    else if (envArgs.length > 0) return undefined;
    else resources.push(s);
  }
  return { resources, envArgs };
}

/** value omitted when empty, as Go's `omitempty` drops it */
function envVar(name: string, value: string): EnvVar {
  return value === '' ? { name } : { name, value };
}

/** readEnv: KEY=VALUE lines from stdin; `#` starts a comment, lines without `=` are skipped */
function readEnv(text: string): EnvVar[] {
  const env: EnvVar[] = [];
  for (const raw of text.split('\n')) {
    const hash = raw.indexOf('#');
    const line = hash >= 0 ? raw.slice(0, hash) : raw;
    const eq = line.indexOf('=');
    if (eq >= 0) env.push(envVar(line.slice(0, eq), line.slice(eq + 1)));
  }
  return env;
}

/** ParseEnv: variables to set and names to remove; `-` reads KEY=VALUE lines from stdin */
export function parseEnv(
  specs: readonly string[],
  stdin: string | undefined,
): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  const set = new Set<string>();
  for (const spec of specs) {
    if (spec === '-') {
      if (stdin === undefined) throw new Error("when '-' is used, STDIN must be open");
      env.push(...readEnv(stdin));
    } else if (spec.includes('=')) {
      const eq = spec.indexOf('=');
      const name = spec.slice(0, eq);
      const errs = isEnvVarName(name);
      if (errs.length > 0)
        throw new Error(`${JSON.stringify(name)} is not a valid key name: ${errs.join(';')}`);
      set.add(name);
      env.push(envVar(name, spec.slice(eq + 1)));
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1));
    } else {
      throw new Error(`unknown environment variable: ${spec}`);
    }
  }
  if (remove.some((r) => set.has(r)))
    throw new Error('can not both modify and remove the same environment variable in the same command');
  return { env, remove };
}

/** updateEnv: replace variables in place, drop the removed ones, append the new ones */
export function updateEnv(
  existing: readonly EnvVar[],
  env: readonly EnvVar[],
  remove: readonly string[],
): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
    } else out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** GetEnvVarRefString: how `--list` shows a variable that comes from elsewhere */
function refString(from: NonNullable<EnvVar['valueFrom']>): string {
  if (from.configMapKeyRef)
    return `configmap ${from.configMapKeyRef.name ?? ''}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name ?? ''}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) {
    const prefix = from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : '';
    return `resource field ${prefix}${from.resourceFieldRef.resource}`;
  }
  return 'invalid valueFrom';
}

/** keyToEnvName: upper case, anything but letters, digits and `_` turned into `_` (with a warning) */
function keyToEnvName(key: string, warnings: string[]): string {
  const name = key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();
  if (name !== key) warnings.push(`Warning: key ${key} transferred to ${name}`);
  return name;
}

/** --from=configmap/NAME or secret/NAME: one variable per data key (sorted: Go ranges over the map at random) */
function envFrom(
  rt: ClusterRuntime,
  args: ParsedArgs,
  stdin: string | undefined,
  from: string,
  keys: readonly string[],
  warnings: string[],
): EnvVar[] {
  // kubectl's builder for --from takes the same selector and files as the one for the targets
  const targets = resolveTargets(rt, args, { stdin, verb: 'set env', words: [from] });
  const env: EnvVar[] = [];
  for (const t of targets) {
    const obj = liveObject(rt, t);
    const data = Object.keys((obj.data as Record<string, string> | undefined) ?? {}).sort();
    const ref =
      obj.kind === 'ConfigMap' ? 'configMapKeyRef' : obj.kind === 'Secret' ? 'secretKeyRef' : undefined;
    if (!ref) throw new Error('unsupported resource specified in --from');
    for (const key of data) {
      if (keys.length > 0 && !keys.includes(key)) continue;
      env.push({
        name: keyToEnvName(key, warnings),
        valueFrom: { [ref]: { name: obj.metadata.name ?? '', key } },
      });
    }
  }
  return env;
}

/** info.ObjectName(): `deployments.apps/web`, as kubectl names an object in a per-object error */
function objectName(info: ResourceInfo, name: string): string {
  return `${info.plural}${info.group ? `.${info.group}` : ''}/${name}`;
}

interface EnvChange {
  env: EnvVar[];
  remove: string[];
  containers: string;
  overwrite: boolean;
  list: boolean;
}

function setEnvOne(
  rt: ClusterRuntime,
  t: Target,
  change: EnvChange,
  args: ParsedArgs,
  warnings: string[],
): string {
  const copy = startingObject(rt, t, args);
  let listed = '';
  const spec = podSpecOf(copy) as
    { containers?: ContainerEnv[]; initContainers?: ContainerEnv[] } | undefined;
  if (!spec) throw new Error(`${objectName(t.info, t.name)} does not have a pod template`);
  const containers = selectedContainers(spec, change.containers);
  if (containers.length === 0) {
    warnings.push(
      `Warning: ${copy.kind}/${t.name} does not have any containers matching ${JSON.stringify(change.containers)}`,
    );
    return '';
  }
  const before = JSON.stringify(spec);
  for (const c of containers) {
    if (!change.overwrite) {
      for (const e of change.env) {
        const cur = c.env?.find((x) => x.name === e.name);
        if (cur && (cur.value ?? '') !== (e.value ?? ''))
          throw new Error(
            `${objectName(t.info, t.name)} '${cur.name}' already has a value (${cur.value ?? ''}), and --overwrite is false`,
          );
      }
    }
    const env = updateEnv(c.env ?? [], change.env, change.remove);
    if (env.length > 0) c.env = env;
    else delete c.env;
    if (change.list) {
      listed += `# ${copy.kind} ${t.name}, container ${c.name ?? ''}\n`;
      for (const e of env) {
        listed += e.valueFrom
          ? `# ${e.name} from ${refString(e.valueFrom)}\n`
          : `${e.name}=${e.value ?? ''}\n`;
      }
    }
  }
  // --list only shows; an unchanged template makes an empty patch: no request and no line
  if (change.list) return listed;
  if (JSON.stringify(spec) === before) return '';
  return writeChanged(rt, t, copy, 'env updated', args);
}

export const setEnvCommand: CommandSpec = {
  path: ['set', 'env'],
  summary: 'Update environment variables on a pod template',
  flags: [
    ...SET_FLAGS,
    {
      name: 'containers',
      short: 'c',
      type: 'string',
      default: '*',
      help: 'The names of containers in the selected pod templates to change - may use wildcards',
    },
    {
      name: 'env',
      short: 'e',
      type: 'stringArray',
      help: 'Specify a key-value pair for an environment variable to set into each container.',
    },
    {
      name: 'from',
      type: 'string',
      default: '',
      help: 'The name of a resource from which to inject environment variables',
    },
    {
      name: 'keys',
      type: 'stringArray',
      help: 'Comma-separated list of keys to import from specified resource',
    },
    { name: 'prefix', type: 'string', default: '', help: 'Prefix to append to variable names' },
    {
      name: 'list',
      type: 'bool',
      help: 'If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env.',
    },
    {
      name: 'overwrite',
      type: 'bool',
      default: true,
      help: 'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.',
    },
  ],
  run(args, ctx): CommandResult {
    if (args.bool('all') && args.string('selector'))
      throw new Error('cannot set --all and --selector at the same time');
    const split = splitEnvironmentFromResources(args.positionals);
    if (!split)
      throw new Error(
        `all resources must be specified before environment changes: ${args.positionals.join(' ')}`,
      );
    checkLocal(args, split.resources);
    const from = args.string('from') ?? '';
    // a StringSlice flag: repeated, each comma-separated
    const keys = args.strings('keys').flatMap((k) => k.split(','));
    // Validate
    if (args.strings('filename').length === 0 && split.resources.length < 1)
      throw new Error('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (args.bool('list') && outputOf(args))
      throw new Error('--list and --output may not be specified together');
    if (keys.length > 0 && from === '')
      throw new Error('when specifying --keys, a configmap or secret must be provided with --from');
    // RunEnv
    const { env, remove } = parseEnv([...args.strings('env'), ...split.envArgs], ctx.stdin);
    const warnings: string[] = [];
    if (from !== '') env.push(...envFrom(ctx.rt, args, ctx.stdin, from, keys, warnings));
    const prefix = args.string('prefix') ?? '';
    for (const e of env) e.name = prefix + e.name;
    const change: EnvChange = {
      env,
      remove,
      containers: args.string('containers') ?? '*',
      overwrite: args.bool('overwrite'),
      list: args.bool('list'),
    };
    const targets = resolveTargets(ctx.rt, args, {
      stdin: ctx.stdin,
      verb: 'set env',
      words: split.resources,
    });
    return eachTarget(targets, (t) => setEnvOne(ctx.rt, t, change, args, warnings), warnings);
  },
};
