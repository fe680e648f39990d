// The "Pod Template:" block `kubectl rollout history --revision=N` prints (raw tabs, as kubectl's PrefixWriter leaves them).
// mirrors k8s.io/kubectl/pkg/describe/describe.go DescribePodTemplate (labels, annotations, containers, volumes,
// node selectors, tolerations; probes and topology spread constraints are not shown).
import type { Container, PodTemplateSpec, Toleration, Volume } from 'kubernetes-types/core/v1';

const sortedKeys = (m: Record<string, string> | undefined) => Object.keys(m ?? {}).sort();

/** printLabelsMultiline / printAnnotationsMultiline: `title:\tk=v` then `\tk2=v2` */
function multiline(title: string, m: Record<string, string> | undefined, sep: string): string {
  const keys = sortedKeys(m);
  if (keys.length === 0) return `${title}:\t<none>\n`;
  return keys
    .map((k, i) => `${i === 0 ? `${title}:` : ''}\t${k}${sep}${(m as Record<string, string>)[k]}\n`)
    .join('');
}

function ports(c: Container, host: boolean): string {
  return (c.ports ?? [])
    .map(
      (p) =>
        `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`,
    )
    .join(', ');
}

function container(c: Container): string {
  let s = `   ${c.name}:\n    Image:\t${c.image ?? ''}\n`;
  const p = ports(c, false);
  s += p.includes(',') ? `    Ports:\t${p}\n` : `    Port:\t${p || '<none>'}\n`;
  const hp = ports(c, true);
  s += hp.includes(',') ? `    Host Ports:\t${hp}\n` : `    Host Port:\t${hp || '<none>'}\n`;
  if (c.command?.length) s += `    Command:\n${c.command.map((x) => `      ${x}\n`).join('')}`;
  if (c.args?.length) s += `    Args:\n${c.args.map((x) => `      ${x}\n`).join('')}`;
  for (const [title, m] of [
    ['Limits', c.resources?.limits],
    ['Requests', c.resources?.requests],
  ] as const) {
    const keys = sortedKeys(m as Record<string, string> | undefined);
    if (keys.length > 0)
      s += `    ${title}:\n${keys.map((k) => `      ${k}:\t${String((m as Record<string, unknown>)[k])}\n`).join('')}`;
  }
  const env = c.env ?? [];
  s +=
    env.length === 0
      ? '    Environment:\t<none>\n'
      : `    Environment:\n${env.map((e) => `      ${e.name}:\t${e.value ?? ''}\n`).join('')}`;
  const mounts = c.volumeMounts ?? [];
  s +=
    mounts.length === 0
      ? '    Mounts:\t<none>\n'
      : `    Mounts:\n${mounts.map((m) => `      ${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})\n`).join('')}`;
  return s;
}

function volume(v: Volume): string {
  let s = `   ${v.name}:\n`;
  if (v.emptyDir) {
    s += `    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`;
  } else if (v.configMap) {
    s += `    Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${v.configMap.optional ?? false}\n`;
  } else if (v.secret) {
    s += `    Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${v.secret.optional ?? false}\n`;
  } else if (v.persistentVolumeClaim) {
    s += `    Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${v.persistentVolumeClaim.readOnly ?? false}\n`;
  } else if (v.hostPath) {
    s += `    Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? ''}\n`;
  }
  return s;
}

function toleration(t: Toleration): string {
  let s = t.key ?? '';
  if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
  return s;
}

export function describePodTemplate(t: PodTemplateSpec): string {
  let s = 'Pod Template:\n';
  s += multiline('  Labels', t.metadata?.labels, '=');
  if (sortedKeys(t.metadata?.annotations).length > 0)
    s += multiline('  Annotations', t.metadata?.annotations, ': ');
  const spec = t.spec;
  if (spec?.serviceAccountName) s += `  Service Account:\t${spec.serviceAccountName}\n`;
  if (spec?.initContainers?.length) s += `  Init Containers:\n${spec.initContainers.map(container).join('')}`;
  const containers = spec?.containers ?? [];
  s +=
    containers.length === 0
      ? '  Containers: <none>\n'
      : `  Containers:\n${containers.map(container).join('')}`;
  const volumes = spec?.volumes ?? [];
  s += volumes.length === 0 ? '  Volumes:\t<none>\n' : `  Volumes:\n${volumes.map(volume).join('')}`;
  if (spec?.priorityClassName) s += `  Priority Class Name:\t${spec.priorityClassName}\n`;
  s += multiline('  Node-Selectors', spec?.nodeSelector, '=');
  const tols = spec?.tolerations ?? [];
  s +=
    tols.length === 0
      ? '  Tolerations:\t<none>\n'
      : tols.map((x, i) => `${i === 0 ? '  Tolerations:' : ''}\t${toleration(x)}\n`).join('');
  return s;
}
