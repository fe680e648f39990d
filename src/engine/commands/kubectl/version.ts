// `kubectl version [--client] [-o json|yaml]`: client, kustomize and server versions
// (kubectl/pkg/cmd/version/version.go). The server reports the version its kubelets run.
import type { CommandResult, CommandSpec } from '../types';
import { KUBELET_VERSION } from '../../cluster/nodeObject';
import { printYaml } from '../printers/jsonOutput';

const KUSTOMIZE_VERSION = 'v5.4.2';

/** version.Info of a v1.31.0 release build */
function versionInfo(gitVersion: string): Record<string, string> {
  const m = /^v(\d+)\.(\d+)/.exec(gitVersion);
  return {
    major: m?.[1] ?? '',
    minor: m?.[2] ?? '',
    gitVersion,
    gitCommit: '9edcffcde5595e8a5b1a35f88c421764e575afce',
    gitTreeState: 'clean',
    buildDate: '2024-08-13T07:28:49Z',
    goVersion: 'go1.22.5',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export const versionCommand: CommandSpec = {
  path: ['version'],
  summary: 'Print the client and server version information',
  flags: [
    { name: 'client', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run(args): CommandResult {
    const clientOnly = args.bool('client');
    const output = args.string('output') ?? '';
    if (output !== '' && output !== 'json' && output !== 'yaml') {
      return { code: 1, stdout: '', stderr: "--output must be 'yaml' or 'json'\n" };
    }
    if (output !== '') {
      const data: Record<string, unknown> = {
        clientVersion: versionInfo(KUBELET_VERSION),
        kustomizeVersion: KUSTOMIZE_VERSION,
      };
      if (!clientOnly) data.serverVersion = versionInfo(KUBELET_VERSION);
      // version.go marshals a struct: keys keep their declared order, not sorted
      return {
        code: 0,
        stdout: output === 'json' ? `${JSON.stringify(data, null, 2)}\n` : printYaml(data),
        stderr: '',
      };
    }
    let stdout = `Client Version: ${KUBELET_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
    if (!clientOnly) stdout += `Server Version: ${KUBELET_VERSION}\n`;
    return { code: 0, stdout, stderr: '' };
  },
};
