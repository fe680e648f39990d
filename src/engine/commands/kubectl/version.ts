// `kubectl version [--client] [-o json|yaml]`: client, kustomize and server versions
// (kubectl/pkg/cmd/version/version.go). The server reports the version its kubelets run.
import type { CommandResult, CommandSpec } from '../types';
import { KUBELET_VERSION } from '../../cluster/nodeObject';
import { printYaml } from '../printers/jsonOutput';

/** the kustomize kubectl v1.35.0 embeds */
const KUSTOMIZE_VERSION = 'v5.7.1';

/**
 * version.Info of the v1.35.0 release build (apimachinery/pkg/version/types.go field order). The API server's /version
 * also fills the emulation and min-compatibility fields (omitempty, so kubectl's own client version has none).
 */
function versionInfo(gitVersion: string, server: boolean): Record<string, string> {
  const m = /^v(\d+)\.(\d+)/.exec(gitVersion);
  const major = m?.[1] ?? '';
  const minor = m?.[2] ?? '';
  const compatibility: Record<string, string> = server
    ? {
        emulationMajor: major,
        emulationMinor: minor,
        minCompatibilityMajor: major,
        minCompatibilityMinor: String(Number(minor) - 1),
      }
    : {};
  return {
    major,
    minor,
    ...compatibility,
    gitVersion,
    gitCommit: '66452049f3d692768c39c797b21b793dce80314e',
    gitTreeState: 'clean',
    buildDate: '2025-12-17T12:32:07Z',
    goVersion: 'go1.25.5',
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
        clientVersion: versionInfo(KUBELET_VERSION, false),
        kustomizeVersion: KUSTOMIZE_VERSION,
      };
      if (!clientOnly) data.serverVersion = versionInfo(KUBELET_VERSION, true);
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
