// A container's probes as the kubelet's prober reads them (liveness, readiness, startup), with the handler that
// decides the text of an `Unhealthy` event. Defaults mirror pkg/apis/core/v1/defaults.go SetDefaults_Probe.
import type { Container, Probe } from 'kubernetes-types/core/v1';

export type ProbeType = 'liveness' | 'readiness' | 'startup';
export const PROBE_TYPES: readonly ProbeType[] = ['startup', 'liveness', 'readiness'];

export type ProbeHandler =
  | { kind: 'http'; scheme: string; port: string; path: string }
  | { kind: 'tcp'; port: string }
  | { kind: 'exec'; command: string[] }
  | { kind: 'grpc'; port: string };

export interface ProbeSpec {
  type: ProbeType;
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  successThreshold: number;
  failureThreshold: number;
  /** probe-level grace period for the kill after a liveness/startup failure (overrides the pod's) */
  terminationGracePeriodSeconds?: number;
  handler: ProbeHandler;
}

/** a named port resolves against the container's ports (prober.go findPortByName); unresolved names stay as given */
function portOf(port: number | string | undefined, c: Readonly<Container>): string {
  if (typeof port === 'number') return String(port);
  const named = c.ports?.find((p) => p.name === port);
  return named ? String(named.containerPort) : String(port ?? '');
}

function handlerOf(p: Readonly<Probe>, c: Readonly<Container>): ProbeHandler {
  if (p.httpGet)
    return {
      kind: 'http',
      scheme: (p.httpGet.scheme ?? 'HTTP').toLowerCase(),
      port: portOf(p.httpGet.port, c),
      path: p.httpGet.path ?? '/',
    };
  if (p.tcpSocket) return { kind: 'tcp', port: portOf(p.tcpSocket.port, c) };
  if (p.grpc) return { kind: 'grpc', port: String(p.grpc.port) };
  return { kind: 'exec', command: p.exec?.command ?? [] };
}

export function probeSpecOf(type: ProbeType, p: Readonly<Probe>, c: Readonly<Container>): ProbeSpec {
  const spec: ProbeSpec = {
    type,
    initialDelaySeconds: p.initialDelaySeconds ?? 0,
    periodSeconds: p.periodSeconds || 10,
    timeoutSeconds: p.timeoutSeconds || 1,
    // liveness and startup probes must have successThreshold 1 (validation); readiness may ask for more
    successThreshold: type === 'readiness' ? p.successThreshold || 1 : 1,
    failureThreshold: p.failureThreshold || 3,
    handler: handlerOf(p, c),
  };
  // readiness probes may not set it (validation); for the others it replaces the pod's grace period
  if (type !== 'readiness' && p.terminationGracePeriodSeconds !== undefined)
    spec.terminationGracePeriodSeconds = p.terminationGracePeriodSeconds;
  return spec;
}

/** the container's probes, startup first (it gates the other two) */
export function probesOf(c: Readonly<Container>): ProbeSpec[] {
  const out: ProbeSpec[] = [];
  if (c.startupProbe) out.push(probeSpecOf('startup', c.startupProbe, c));
  if (c.livenessProbe) out.push(probeSpecOf('liveness', c.livenessProbe, c));
  if (c.readinessProbe) out.push(probeSpecOf('readiness', c.readinessProbe, c));
  return out;
}

/** why the simulated app fails a probe right now */
export type FailureCause = 'refused' | 'timeout' | 'unhealthy';

/**
 * The output of a failed probe, as pkg/probe/{http,tcp,exec,grpc} report it: `Liveness probe failed: <this>`.
 * 'refused': nothing listens yet; 'timeout': the app hangs; 'unhealthy': it answers with an error.
 */
export function probeFailureOutput(
  h: ProbeHandler,
  podIP: string,
  cause: FailureCause,
  timeoutS: number,
): string {
  switch (h.kind) {
    case 'http': {
      const url = `${h.scheme}://${podIP}:${h.port}${h.path.startsWith('/') ? h.path : `/${h.path}`}`;
      if (cause === 'refused')
        return `Get "${url}": dial tcp ${podIP}:${h.port}: connect: connection refused`;
      if (cause === 'timeout')
        return `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
      return 'HTTP probe failed with statuscode: 500';
    }
    case 'tcp':
      return cause === 'timeout'
        ? `dial tcp ${podIP}:${h.port}: i/o timeout`
        : `dial tcp ${podIP}:${h.port}: connect: connection refused`;
    case 'grpc':
      if (cause === 'unhealthy') return 'service unhealthy (responded with "NOT_SERVING")';
      return `timeout: failed to connect service "${podIP}:${h.port}" within ${timeoutS}s: context deadline exceeded`;
    case 'exec': {
      if (cause === 'timeout')
        return `command timed out: "${h.command.join(' ')}" timed out after ${timeoutS}s`;
      // the docs' exec demo (`cat /tmp/healthy`) prints busybox's error; other commands print nothing
      const [cmd, file] = h.command;
      return cmd === 'cat' && file ? `cat: can't open '${file}': No such file or directory\n` : '';
    }
  }
}
