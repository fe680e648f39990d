// Containers of a PodSpec: names, images, ports, env, volume mounts, probes, resources, enums.
// mirrors pkg/apis/core/validation/validation.go validateContainers / validateContainerPorts / validateEnv / validateProbe.
import type { Container, ContainerPort, EnvVar, Probe, VolumeMount } from 'kubernetes-types/core/v1';
import { fieldError, type FieldError } from '../fieldErrors';
import { validateDNS1123Label, validateNonnegative } from './meta';
import { isRelaxedEnvVarName, isValidPortName, isValidPortNum } from './names';
import { validateResourceRequirements } from './resources';

export const SUPPORTED_PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** validateContainerPorts */
function validatePorts(ports: ContainerPort[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = `${path}[${i}]`;
    if (port.name) {
      const msgs = isValidPortName(port.name);
      for (const msg of msgs) errs.push(fieldError.invalid(`${p}.name`, port.name, msg));
      if (!msgs.length && names.has(port.name)) errs.push(fieldError.duplicate(`${p}.name`, port.name));
      names.add(port.name);
    }
    if (!port.containerPort) errs.push(fieldError.required(`${p}.containerPort`, ''));
    else
      for (const msg of isValidPortNum(port.containerPort))
        errs.push(fieldError.invalid(`${p}.containerPort`, port.containerPort, msg));
    if (port.hostPort)
      for (const msg of isValidPortNum(port.hostPort))
        errs.push(fieldError.invalid(`${p}.hostPort`, port.hostPort, msg));
    if (!port.protocol) errs.push(fieldError.required(`${p}.protocol`, ''));
    else if (!SUPPORTED_PORT_PROTOCOLS.includes(port.protocol)) {
      errs.push(fieldError.notSupported(`${p}.protocol`, port.protocol, SUPPORTED_PORT_PROTOCOLS));
    }
  });
  return errs;
}

/** validateEnv */
function validateEnv(env: EnvVar[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  env.forEach((ev, i) => {
    const p = `${path}[${i}]`;
    if (!ev.name) errs.push(fieldError.required(`${p}.name`, ''));
    else
      for (const msg of isRelaxedEnvVarName(ev.name))
        errs.push(fieldError.invalid(`${p}.name`, ev.name, msg));
    if (ev.valueFrom) {
      const sources = Object.keys(ev.valueFrom).filter(
        (k) => (ev.valueFrom as Record<string, unknown>)[k] != null,
      );
      if (sources.length === 0)
        errs.push(
          fieldError.invalid(
            `${p}.valueFrom`,
            '',
            'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
          ),
        );
      else if (sources.length > 1)
        errs.push(
          fieldError.invalid(`${p}.valueFrom`, '', 'may not have more than one field specified at a time'),
        );
      if (ev.value)
        errs.push(fieldError.invalid(`${p}.valueFrom`, '', 'may not be specified when `value` is not empty'));
    }
  });
  return errs;
}

/** validateVolumeMounts: each mount names an existing volume, mount paths unique */
function validateVolumeMounts(
  mounts: VolumeMount[],
  volumes: ReadonlySet<string>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const paths = new Set<string>();
  mounts.forEach((m, i) => {
    const p = `${path}[${i}]`;
    if (!m.name) errs.push(fieldError.required(`${p}.name`, ''));
    if (!volumes.has(m.name)) errs.push(fieldError.notFound(`${p}.name`, m.name ?? ''));
    if (!m.mountPath) errs.push(fieldError.required(`${p}.mountPath`, ''));
    if (paths.has(m.mountPath))
      errs.push(fieldError.invalid(`${p}.mountPath`, m.mountPath, 'must be unique'));
    paths.add(m.mountPath);
  });
  return errs;
}

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;

/** validateProbe + handler checks; liveness/startup probes need successThreshold 1 */
function validateProbe(probe: Probe | undefined, path: string, mustSucceedOnce: boolean): FieldError[] {
  if (!probe) return [];
  const errs: FieldError[] = [];
  const set = HANDLERS.filter((h) => probe[h] != null);
  if (set.length === 0) errs.push(fieldError.required(path, 'must specify a handler type'));
  else if (set.length > 1)
    errs.push(fieldError.forbidden(`${path}.${set[1]}`, 'may not specify more than 1 handler type'));
  for (const f of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ] as const) {
    errs.push(...validateNonnegative(probe[f], `${path}.${f}`));
  }
  if (mustSucceedOnce && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
    errs.push(fieldError.invalid(`${path}.successThreshold`, probe.successThreshold, 'must be 1'));
  }
  const port = probe.httpGet?.port ?? probe.tcpSocket?.port;
  if (typeof port === 'number')
    for (const m of isValidPortNum(port)) errs.push(fieldError.invalid(`${path}.${set[0]}.port`, port, m));
  if (typeof port === 'string')
    for (const m of isValidPortName(port)) errs.push(fieldError.invalid(`${path}.${set[0]}.port`, port, m));
  return errs;
}

function validateEnum(value: string | undefined, supported: string[], path: string): FieldError[] {
  if (!value) return [fieldError.required(path, '')];
  return supported.includes(value) ? [] : [fieldError.notSupported(path, value, supported)];
}

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];

/** no list to check: absent or empty (anything else, even malformed, goes to the full check) */
function none(list: readonly unknown[] | undefined | null): boolean {
  return list === undefined || list === null || (Array.isArray(list) && list.length === 0);
}

/** appends without the spread (most lists here are empty) */
function pushAll(errs: FieldError[], more: readonly FieldError[]): void {
  for (const e of more) errs.push(e);
}

/** one container's checks; sections the container lacks add no errors, so their paths are not even built */
function validateContainer(
  c: Container,
  p: string,
  volumes: ReadonlySet<string>,
  otherNames: Set<string>,
  errs: FieldError[],
): void {
  if (!c.name) errs.push(fieldError.required(`${p}.name`, ''));
  else {
    pushAll(errs, validateDNS1123Label(c.name, `${p}.name`));
    if (otherNames.has(c.name)) errs.push(fieldError.duplicate(`${p}.name`, c.name));
    otherNames.add(c.name);
  }
  if (!c.image) errs.push(fieldError.required(`${p}.image`, ''));
  else if (c.image.trim() !== c.image)
    errs.push(fieldError.invalid(`${p}.image`, c.image, 'must not have leading or trailing whitespace'));
  if (!none(c.ports)) pushAll(errs, validatePorts(c.ports ?? [], `${p}.ports`));
  if (!none(c.env)) pushAll(errs, validateEnv(c.env ?? [], `${p}.env`));
  if (!none(c.volumeMounts))
    pushAll(errs, validateVolumeMounts(c.volumeMounts ?? [], volumes, `${p}.volumeMounts`));
  if (c.livenessProbe) pushAll(errs, validateProbe(c.livenessProbe, `${p}.livenessProbe`, true));
  if (c.readinessProbe) pushAll(errs, validateProbe(c.readinessProbe, `${p}.readinessProbe`, false));
  if (c.startupProbe) pushAll(errs, validateProbe(c.startupProbe, `${p}.startupProbe`, true));
  const res = c.resources as { limits?: object; requests?: object } | undefined;
  if (res?.limits || res?.requests)
    pushAll(errs, validateResourceRequirements(c.resources as never, `${p}.resources`));
  if (!c.imagePullPolicy || !PULL_POLICIES.includes(c.imagePullPolicy))
    pushAll(errs, validateEnum(c.imagePullPolicy, PULL_POLICIES, `${p}.imagePullPolicy`));
  if (!c.terminationMessagePolicy || !TERMINATION_MESSAGE_POLICIES.includes(c.terminationMessagePolicy)) {
    pushAll(
      errs,
      validateEnum(c.terminationMessagePolicy, TERMINATION_MESSAGE_POLICIES, `${p}.terminationMessagePolicy`),
    );
  }
}

/** validateContainers / validateInitContainers: `otherNames` are names already taken in the pod */
export function validateContainers(
  containers: Container[] | undefined,
  volumes: ReadonlySet<string>,
  path: string,
  otherNames: Set<string>,
  required: boolean,
): FieldError[] {
  const errs: FieldError[] = [];
  if (required && (!containers || containers.length === 0)) return [fieldError.required(path, '')];
  (containers ?? []).forEach((c, i) => validateContainer(c, `${path}[${i}]`, volumes, otherNames, errs));
  return errs;
}
