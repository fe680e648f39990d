// Container blocks of describe output (describe.go describeContainers, describeContainerState, DescribeProbe,
// describeResources, describeContainerEnvVars, describeContainerVolumes) and DescribePodTemplate.
import type {
  Container,
  ContainerState,
  ContainerStatus,
  PodTemplateSpec,
  Probe,
  ResourceRequirements,
} from 'kubernetes-types/core/v1';
import type { DescribeWriter } from './writer';
import { describeVolumes } from './volumes';

export { describeVolumes } from './volumes';
import {
  printBool,
  printLabelsMultiline,
  printAnnotationsMultiline,
  printTolerationsMultiline,
  rfc1123z,
  stringOrNone,
} from './common';

function describeStatus(w: DescribeWriter, name: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal && t.signal > 0) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else w.write(2, `${name}:\tWaiting\n`);
}

/** mirrors DescribeProbe */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
    return `http-get ${scheme}://${p.httpGet.host ?? ''}:${p.httpGet.port}${p.httpGet.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

export function describeResources(
  w: DescribeWriter,
  r: ResourceRequirements | undefined,
  level: number,
): void {
  if (!r) return;
  for (const [title, list] of [
    ['Limits', r.limits],
    ['Requests', r.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const n of names) w.write(level + 1, `${n}:\t${String((list as Record<string, unknown>)[n])}\n`);
  }
}

const portsString = (c: Container, host: boolean): string =>
  (c.ports ?? [])
    .map((p) => {
      const s = `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? 'TCP'}`;
      return p.name ? `${s} (${p.name})` : s;
    })
    .join(', ');

function describeContainer(
  w: DescribeWriter,
  c: Container,
  status: ContainerStatus | undefined,
  space: string,
): void {
  w.write(1, `${space ? ' ' : ''}${c.name}:\n`);
  if (status) w.write(2, `Container ID:\t${status.containerID ?? ''}\n`);
  w.write(2, `Image:\t${c.image ?? ''}\n`);
  if (status) w.write(2, `Image ID:\t${status.imageID ?? ''}\n`);
  const ports = portsString(c, false);
  w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${stringOrNone(ports)}\n`);
  const hostPorts = portsString(c, true);
  w.write(
    2,
    hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${stringOrNone(hostPorts)}\n`,
  );
  for (const [title, list] of [
    ['Command', c.command],
    ['Args', c.args],
  ] as const) {
    if (!list || list.length === 0) continue;
    w.write(2, `${title}:\n`);
    for (const item of list) for (const s of item.split('\n')) w.write(3, `${s}\n`);
  }
  if (status) {
    describeStatus(w, 'State', status.state);
    if (status.lastState?.terminated) describeStatus(w, 'Last State', status.lastState);
    w.write(2, `Ready:\t${printBool(status.ready)}\n`);
    w.write(2, `Restart Count:\t${status.restartCount ?? 0}\n`);
  }
  describeResources(w, c.resources, 2);
  if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
  if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
  if (c.startupProbe) w.write(2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
  const env = c.env ?? [];
  w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    if (e.valueFrom?.fieldRef)
      w.write(
        3,
        `${e.name}:\t (${e.valueFrom.fieldRef.apiVersion ?? 'v1'}:${e.valueFrom.fieldRef.fieldPath})\n`,
      );
    else if (e.valueFrom?.configMapKeyRef) {
      const r = e.valueFrom.configMapKeyRef;
      w.write(
        3,
        `${e.name}:\t<set to the key '${r.key}' of config map '${r.name ?? ''}'>\tOptional: ${String(r.optional ?? false)}\n`,
      );
    } else if (e.valueFrom?.secretKeyRef) {
      const r = e.valueFrom.secretKeyRef;
      w.write(
        3,
        `${e.name}:\t<set to the key '${r.key}' in secret '${r.name ?? ''}'>\tOptional: ${String(r.optional ?? false)}\n`,
      );
    } else {
      (e.value ?? '').split('\n').forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
    }
  }
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1));
  w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])];
    w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
}

/** mirrors describeContainers */
export function describeContainers(
  w: DescribeWriter,
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) describeContainer(w, c, byName.get(c.name), space);
}

/** mirrors DescribePodTemplate */
export function describePodTemplate(w: DescribeWriter, t: PodTemplateSpec | undefined): void {
  w.write(0, 'Pod Template:\n');
  if (!t) {
    w.write(1, '<unset>');
    return;
  }
  printLabelsMultiline(w, '  Labels', t.metadata?.labels);
  if (Object.keys(t.metadata?.annotations ?? {}).length > 0)
    printAnnotationsMultiline(w, '  Annotations', t.metadata?.annotations);
  const spec = t.spec ?? { containers: [] };
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0)
    describeContainers(w, 'Init Containers', spec.initContainers ?? [], undefined, '  ');
  describeContainers(w, 'Containers', spec.containers ?? [], undefined, '  ');
  describeVolumes(w, spec.volumes, '  ');
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}
