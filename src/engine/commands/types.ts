// Contract of a command: one file per kubectl or sim verb, each a near-pure function of (args, cluster).
import type { ClusterRuntime } from '../cluster/types';
import type { FlagSpec, ParsedArgs } from './args';
import type { KubeConfig } from './kubectl/config/kubeconfig';

export interface CommandResult {
  /** process exit code as real kubectl would return it: 0 ok, 1 error */
  code: number;
  stdout: string;
  stderr: string;
}

export interface CommandContext {
  rt: ClusterRuntime;
  /** what `-f -` reads */
  stdin: string | undefined;
  /** kubectl's kubeconfig (contexts, the current context's namespace); it lives as long as the cluster */
  kubeconfig: KubeConfig;
}

export interface CommandSpec {
  /** verb path, e.g. ['get'], ['rollout', 'status'], ['node', 'add'] */
  path: string[];
  summary: string;
  flags: FlagSpec[];
  run(args: ParsedArgs, ctx: CommandContext): CommandResult;
}

export const ok = (stdout = ''): CommandResult => ({ code: 0, stdout, stderr: '' });
export const fail = (stderr: string, stdout = '', code = 1): CommandResult => ({ code, stdout, stderr });
