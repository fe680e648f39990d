// Contract of a command: one file per kubectl or sim verb, each a near-pure function of (args, cluster).
import type { ClusterRuntime } from '../cluster/types';
import type { FlagSpec, ParsedArgs } from './args';
import type { KubeConfig } from './kubectl/config/kubeconfig';

export interface CommandResult {
  /** process exit code as real kubectl would return it: 0 ok, 1 error */
  code: number;
  stdout: string;
  stderr: string;
  /** `kubectl edit` opened a file to edit (kubesim has no $EDITOR): the text a client shows in its editor */
  editor?: string;
}

export interface CommandContext {
  rt: ClusterRuntime;
  /** what `-f -` reads */
  stdin: string | undefined;
  /** kubectl's kubeconfig (contexts, the current context's namespace); it lives as long as the cluster */
  kubeconfig: KubeConfig;
  /** what each `kubectl edit` still open showed when it was opened (the original its patch is made from) */
  edits?: Map<string, string>;
}

export interface CommandSpec {
  /** verb path, e.g. ['get'], ['rollout', 'status'], ['node', 'add'] */
  path: string[];
  summary: string;
  /** an alias (cobra's Aliases): served, but not listed in help */
  alias?: boolean;
  flags: FlagSpec[];
  run(args: ParsedArgs, ctx: CommandContext): CommandResult;
}

export const ok = (stdout = ''): CommandResult => ({ code: 0, stdout, stderr: '' });
export const fail = (stderr: string, stdout = '', code = 1): CommandResult => ({ code, stdout, stderr });
