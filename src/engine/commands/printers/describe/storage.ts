// `kubectl describe persistentvolumeclaim|persistentvolume`: the claim's Status (`Terminating (lasts 5s)` once it is
// being deleted), Finalizers, the pods that use it (Used By), and the volume's source and node affinity.
// mirrors k8s.io/kubectl/pkg/describe/describe.go describePersistentVolumeClaim / printPersistentVolumeClaim /
// getPodsForPVC / describePersistentVolume / printVolumeNodeAffinity and the print*VolumeSource helpers it uses,
// with k8s.io/kubectl/pkg/util/storage GetPersistentVolumeClaimClass / GetPersistentVolumeClass.
import type {
  NodeSelectorRequirement,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  VolumeNodeAffinity,
} from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../types/object';
import type { DescribeInputs } from './types';
import { DescribeWriter } from './writer';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './common';
import { translateTimestampSince } from '../age';
import { accessModesString } from '../columns/storage';

/** v1.BetaStorageClassAnnotation: the class before spec.storageClassName existed (it wins when set) */
const BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** Go's %v of a []string: `[a b]` */
const goStrings = (list: readonly string[] | undefined) => `[${(list ?? []).join(' ')}]`;

/** `Terminating (lasts 5s)` for an object being deleted, else its phase */
function statusLine(obj: KubeObject, phase: string | undefined, nowMs: number): string {
  return obj.metadata.deletionTimestamp
    ? `Status:\tTerminating (lasts ${translateTimestampSince(obj.metadata.deletionTimestamp, nowMs)})\n`
    : `Status:\t${phase ?? ''}\n`;
}

/**
 * getPodsForPVC: the namespace's pods with a persistentVolumeClaim volume naming the claim (once per such volume),
 * then any pod owning the claim (an ephemeral volume's pod) not listed yet
 */
export function podsForPVC(pvc: Readonly<KubeObject>, nsPods: readonly Pod[]): Pod[] {
  const pods: Pod[] = [];
  for (const pod of nsPods) {
    for (const v of pod.spec?.volumes ?? []) {
      if (v.persistentVolumeClaim?.claimName === pvc.metadata.name) pods.push(pod);
    }
  }
  for (const ref of pvc.metadata.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue;
    const owner = nsPods.find((p) => p.metadata?.uid === ref.uid);
    if (owner && !pods.some((p) => p.metadata?.uid === owner.metadata?.uid)) pods.push(owner);
  }
  return pods;
}

/** printPodsMultiline: pod names sorted, one per line */
function printPodsMultiline(w: DescribeWriter, title: string, pods: readonly Pod[]): void {
  w.write(0, `${title}:\t`);
  if (pods.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const names = pods.map((p) => p.metadata?.name ?? '').sort();
  names.forEach((n, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${n}\n`);
  });
}

export function describePersistentVolumeClaim(obj: KubeObject, inputs: DescribeInputs): string {
  const pvc = obj as unknown as PersistentVolumeClaim;
  const spec = pvc.spec ?? {};
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  const className = obj.metadata.annotations?.[BETA_STORAGE_CLASS] ?? spec.storageClassName ?? '';
  w.write(0, `StorageClass:\t${className}\n`);
  w.write(0, statusLine(obj, pvc.status?.phase, inputs.nowMs));
  w.write(0, `Volume:\t${spec.volumeName ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  w.write(0, `Finalizers:\t${goStrings(obj.metadata.finalizers)}\n`);
  // the capacity and access modes the claim got, once it names a volume (a zero Quantity prints as 0)
  const bound = !!spec.volumeName;
  w.write(0, `Capacity:\t${bound ? (pvc.status?.capacity?.storage ?? '0') : ''}\n`);
  w.write(0, `Access Modes:\t${bound ? accessModesString(pvc.status?.accessModes) : ''}\n`);
  if (spec.volumeMode) w.write(0, `VolumeMode:\t${spec.volumeMode}\n`);
  if (spec.dataSource) {
    w.write(0, 'DataSource:\n');
    if (spec.dataSource.apiGroup) w.write(1, `APIGroup:\t${spec.dataSource.apiGroup}\n`);
    w.write(1, `Kind:\t${spec.dataSource.kind}\n`);
    w.write(1, `Name:\t${spec.dataSource.name}\n`);
  }
  printPodsMultiline(w, 'Used By', inputs.pods ?? []);
  const conditions = pvc.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(
        1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
    }
  }
  describeEvents(w, inputs.events, inputs.nowMs);
  return w.toString();
}

/** printNodeSelectorTermsMultilineWithIndent: `key in [a, b]` per requirement */
function printTerm(w: DescribeWriter, title: string, reqs: readonly NodeSelectorRequirement[]): void {
  w.write(2, `${title}:\t`);
  if (reqs.length === 0) {
    w.writeLine('<none>');
    return;
  }
  reqs.forEach((r, i) => {
    if (i !== 0) w.write(2, '\t');
    let expr = `${r.key} ${r.operator.toLowerCase()}`;
    if ((r.values ?? []).length > 0) expr += ` [${(r.values ?? []).join(', ')}]`;
    w.write(0, `${expr}\n`);
  });
}

/** printVolumeNodeAffinity */
function printVolumeNodeAffinity(w: DescribeWriter, affinity: VolumeNodeAffinity | undefined): void {
  w.write(0, 'Node Affinity:\t');
  if (!affinity?.required) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  w.write(1, 'Required Terms:\t');
  const terms = affinity.required.nodeSelectorTerms;
  if (terms.length === 0) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  terms.forEach((t, i) => printTerm(w, `Term ${i}`, t.matchExpressions ?? []));
}

/** printCSIPersistentVolumeAttributesMultilineIndent: every line goes through PrefixWriter at LEVEL_2 */
function printCSIAttributes(
  w: DescribeWriter,
  attributes: Readonly<Record<string, string>> | undefined,
): void {
  w.write(2, 'VolumeAttributes:\t');
  const keys = Object.keys(attributes ?? {}).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) {
      w.write(2, '');
      w.write(2, '\t');
    }
    const line = `${k}=${(attributes as Record<string, string>)[k] ?? ''}`;
    w.write(2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
  });
}

/** the Source block: the print*VolumeSource helper for the volume's source (the kinds kubesim provisions) */
function printSource(w: DescribeWriter, spec: NonNullable<PersistentVolume['spec']>): void {
  if (spec.hostPath) {
    w.write(
      2,
      `Type:\tHostPath (bare host directory volume)\n    Path:\t${spec.hostPath.path}\n    HostPathType:\t${spec.hostPath.type ?? '<none>'}\n`,
    );
  } else if (spec.nfs) {
    w.write(
      2,
      `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${spec.nfs.server}\n    Path:\t${spec.nfs.path}\n    ReadOnly:\t${spec.nfs.readOnly === true}\n`,
    );
  } else if (spec.local) {
    w.write(
      2,
      `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`,
    );
  } else if (spec.csi) {
    w.write(
      2,
      `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${spec.csi.driver}\n    FSType:\t${spec.csi.fsType ?? ''}\n    VolumeHandle:\t${spec.csi.volumeHandle}\n    ReadOnly:\t${spec.csi.readOnly === true}\n`,
    );
    printCSIAttributes(w, spec.csi.volumeAttributes);
  } else {
    w.write(1, '<unknown>\n');
  }
}

export function describePersistentVolume(obj: KubeObject, inputs: DescribeInputs): string {
  const pv = obj as unknown as PersistentVolume;
  const spec = pv.spec ?? {};
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  w.write(0, `Finalizers:\t${goStrings(obj.metadata.finalizers)}\n`);
  w.write(
    0,
    `StorageClass:\t${obj.metadata.annotations?.[BETA_STORAGE_CLASS] ?? spec.storageClassName ?? ''}\n`,
  );
  w.write(0, statusLine(obj, pv.status?.phase, inputs.nowMs));
  const ref = spec.claimRef;
  w.write(0, `Claim:\t${ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : ''}\n`);
  w.write(0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(0, `Access Modes:\t${accessModesString(spec.accessModes)}\n`);
  if (spec.volumeMode) w.write(0, `VolumeMode:\t${spec.volumeMode}\n`);
  w.write(0, `Capacity:\t${spec.capacity?.storage ?? '0'}\n`);
  printVolumeNodeAffinity(w, spec.nodeAffinity);
  w.write(0, `Message:\t${pv.status?.message ?? ''}\n`);
  w.write(0, 'Source:\n');
  printSource(w, spec);
  describeEvents(w, inputs.events, inputs.nowMs);
  return w.toString();
}
