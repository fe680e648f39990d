// The Volumes block of describe output: kubectl describe.go describeVolumes and its print*VolumeSource helpers
// (kubectl v1.31), one summary per volume source type.
import type { Volume } from 'kubernetes-types/core/v1';
import type { DescribeWriter } from './writer';

/** Go's %v of a *bool: <nil> when unset */
const ptrBool = (b: boolean | undefined) => (b === undefined ? '<nil>' : String(b));

/** printProjectedVolumeSource: one line (or two) per source, in order */
function printProjected(w: DescribeWriter, p: NonNullable<Volume['projected']>): void {
  w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const s of p.sources ?? []) {
    if (s.secret) {
      w.write(
        2,
        `SecretName:\t${s.secret.name ?? ''}\n    SecretOptionalName:\t${ptrBool(s.secret.optional)}\n`,
      );
    } else if (s.downwardAPI) {
      w.write(2, 'DownwardAPI:\ttrue\n');
    } else if (s.configMap) {
      w.write(
        2,
        `ConfigMapName:\t${s.configMap.name ?? ''}\n    ConfigMapOptional:\t${ptrBool(s.configMap.optional)}\n`,
      );
    } else if (s.serviceAccountToken) {
      w.write(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3600}\n`);
    }
  }
}

/** the printer for the volume's source, or false when describe has none of these */
function printSource(w: DescribeWriter, v: Volume): boolean {
  if (v.hostPath) {
    w.write(
      2,
      `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type || '<none>'}\n`,
    );
  } else if (v.emptyDir) {
    const size = v.emptyDir.sizeLimit && v.emptyDir.sizeLimit !== '0' ? v.emptyDir.sizeLimit : '<unset>';
    w.write(
      2,
      `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${size}\n`,
    );
  } else if (v.secret) {
    w.write(
      2,
      `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${v.secret.optional === true}\n`,
    );
  } else if (v.configMap) {
    w.write(
      2,
      `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${v.configMap.optional === true}\n`,
    );
  } else if (v.persistentVolumeClaim) {
    w.write(
      2,
      `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`,
    );
  } else if (v.downwardAPI) {
    w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const m of v.downwardAPI.items ?? []) {
      if (m.fieldRef) w.write(3, `${m.fieldRef.fieldPath} -> ${m.path}\n`);
      if (m.resourceFieldRef) w.write(3, `${m.resourceFieldRef.resource} -> ${m.path}\n`);
    }
  } else if (v.nfs) {
    w.write(
      2,
      `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${v.nfs.server}\n    Path:\t${v.nfs.path}\n    ReadOnly:\t${v.nfs.readOnly === true}\n`,
    );
  } else if (v.projected) {
    printProjected(w, v.projected);
  } else if (v.ephemeral) {
    w.write(
      2,
      'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n',
    );
  } else {
    return false;
  }
  return true;
}

/** mirrors describeVolumes */
export function describeVolumes(
  w: DescribeWriter,
  volumes: readonly Volume[] | undefined,
  space: string,
): void {
  if (!volumes || volumes.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space ? ' ' : ''}${v.name}:\n`);
    if (printSource(w, v)) continue;
    // a source kubesim's describe does not detail: its kind, as the type line starts
    const type = Object.keys(v).find((k) => k !== 'name');
    if (type) w.write(2, `Type:\t${type.charAt(0).toUpperCase()}${type.slice(1)}\n`);
    else w.write(1, '<unknown>\n');
  }
}
