// `kubectl describe` for deployments, replicasets, statefulsets and daemonsets: mirrors describe.go
// describeDeployment / printReplicaSetsByLabels / describeReplicaSet / describeStatefulSet / describeDaemonSet.
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../types/object';
import type { DescribeInputs } from './types';
import { DescribeWriter } from './writer';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './common';
import { describePodTemplate } from './containers';
import { formatLabelSelector, formatLabels, labelSelectorString } from '../format';
import { controlledBy } from './pod';
import { splitReplicaSets } from '../../kubectl/rolloutHistoryData';

function conditions(
  w: DescribeWriter,
  list: readonly { type: string; status: string; reason?: string }[] | undefined,
): void {
  if (!list || list.length === 0) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of list) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

const rsSummary = (list: readonly KubeObject[]): string => {
  const s = list.map((o) => {
    const rs = o as unknown as ReplicaSet;
    return `${o.metadata.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`;
  });
  return s.length === 0 ? '<none>' : s.join(', ');
};

export function describeDeployment(obj: KubeObject, inputs: DescribeInputs): string {
  const d = obj as unknown as Deployment;
  const st = d.status ?? {};
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  w.write(0, `Selector:\t${labelSelectorString(d.spec?.selector)}\n`);
  w.write(
    0,
    `Replicas:\t${d.spec?.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${d.spec?.strategy?.type ?? ''}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
  const ru = d.spec?.strategy?.rollingUpdate;
  if (ru)
    w.write(
      0,
      `RollingUpdateStrategy:\t${String(ru.maxUnavailable ?? '')} max unavailable, ${String(ru.maxSurge ?? '')} max surge\n`,
    );
  describePodTemplate(w, d.spec?.template);
  conditions(w, st.conditions);
  // DeploymentDescriber.Describe: deploymentutil.GetAllReplicaSetsInChunks picks the new RS by template (not by
  // revision) and lists the old ones in creation order
  const { newRS, oldRSs } = splitReplicaSets(d, inputs.replicaSets ?? []);
  if (oldRSs.length > 0 || newRS) {
    w.write(0, `OldReplicaSets:\t${rsSummary(oldRSs)}\n`);
    w.write(0, `NewReplicaSet:\t${rsSummary(newRS ? [newRS] : [])}\n`);
  }
  describeEvents(w, inputs.events, inputs.nowMs);
  return w.toString();
}

/** counts for `Pods Status:` (describe.go getPodStatusForController) */
export function podPhaseCounts(pods: readonly Pod[] | undefined): string {
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  for (const p of pods ?? []) {
    const phase = p.status?.phase;
    if (phase === 'Running') running++;
    else if (phase === 'Pending') waiting++;
    else if (phase === 'Succeeded') succeeded++;
    else if (phase === 'Failed') failed++;
  }
  return `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`;
}

export function describeReplicaSet(obj: KubeObject, inputs: DescribeInputs): string {
  const rs = obj as unknown as ReplicaSet;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  const owner = controlledBy(obj);
  if (owner) w.write(0, `Controlled By:\t${owner}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
  w.write(0, `Pods Status:\t${podPhaseCounts(inputs.pods)}\n`);
  describePodTemplate(w, rs.spec?.template);
  conditions(w, rs.status?.conditions);
  describeEvents(w, inputs.events, inputs.nowMs);
  return w.toString();
}

export function describeStatefulSet(obj: KubeObject, inputs: DescribeInputs): string {
  const ss = obj as unknown as StatefulSet;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${labelSelectorString(ss.spec?.selector)}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  if (ss.spec?.serviceName) w.write(0, `Service Name:\t${ss.spec.serviceName}\n`);
  if (ss.spec?.podManagementPolicy) w.write(0, `Pod Management Policy:\t${ss.spec.podManagementPolicy}\n`);
  w.write(0, `Replicas:\t${ss.spec?.replicas ?? 1} desired | ${ss.status?.replicas ?? 0} total\n`);
  w.write(0, `Update Strategy:\t${ss.spec?.updateStrategy?.type ?? ''}\n`);
  const ru = ss.spec?.updateStrategy?.rollingUpdate;
  if (ru && ru.partition !== undefined) {
    w.write(1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined) w.write(1, `MaxUnavailable:\t${String(ru.maxUnavailable)}\n`);
  }
  const retention = ss.spec?.persistentVolumeClaimRetentionPolicy;
  if (retention) {
    w.write(0, 'Persistent Volume Claim Retention Policy:\n');
    w.write(1, `WhenDeleted:\t${retention.whenDeleted ?? ''}\n`);
    w.write(1, `WhenScaled:\t${retention.whenScaled ?? ''}\n`);
  }
  w.write(0, `Pods Status:\t${podPhaseCounts(inputs.pods)}\n`);
  describePodTemplate(w, ss.spec?.template);
  const claims = ss.spec?.volumeClaimTemplates ?? [];
  if (claims.length === 0) w.write(0, 'Volume Claims:\t<none>\n');
  else {
    w.write(0, 'Volume Claims:\n');
    for (const c of claims) {
      w.write(1, `Name:\t${c.metadata?.name ?? ''}\n`);
      w.write(1, `StorageClass:\t${c.spec?.storageClassName ?? ''}\n`);
      printLabelsMultiline(w, 'Labels', c.metadata?.labels, '  ');
      printLabelsMultiline(w, 'Annotations', c.metadata?.annotations, '  ');
      w.write(1, `Capacity:\t${c.spec?.resources?.requests?.storage ?? '<default>'}\n`);
      w.write(1, `Access Modes:\t[${(c.spec?.accessModes ?? []).join(' ')}]\n`);
    }
  }
  describeEvents(w, inputs.events, inputs.nowMs);
  return w.toString();
}

export function describeDaemonSet(obj: KubeObject, inputs: DescribeInputs): string {
  const ds = obj as unknown as DaemonSet;
  const st = ds.status;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${labelSelectorString(ds.spec?.selector)}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
  w.write(0, `Pods Status:\t${podPhaseCounts(inputs.pods)}\n`);
  describePodTemplate(w, ds.spec?.template);
  describeEvents(w, inputs.events, inputs.nowMs);
  return w.toString();
}
