// `kubectl describe pod`: mirrors k8s.io/kubectl/pkg/describe/describe.go describePod.
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../types/object';
import type { DescribeInputs } from './types';
import { DescribeWriter } from './writer';
import {
  describeEvents,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
  rfc1123z,
} from './common';
import { describeContainers, describeVolumes } from './containers';
import { translateTimestampSince } from '../age';
import { computePodQos } from '../../../apiserver/podQos';

/** mirrors printController: `ReplicaSet/web-abc` */
export function controlledBy(obj: KubeObject): string {
  const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

export function describePod(obj: KubeObject, inputs: DescribeInputs): string {
  const pod = obj as unknown as Pod;
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  if (obj.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(
      0,
      `Status:\tTerminating (lasts ${translateTimestampSince(obj.metadata.deletionTimestamp, inputs.nowMs)})\n`,
    );
    w.write(0, `Termination Grace Period:\t${obj.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else w.write(0, `Status:\t${status.phase ?? ''}\n`);
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(0, `Message:\t${status.message}\n`);
  w.write(0, `IP:\t${status.podIP ?? ''}\n`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const owner = controlledBy(obj);
  if (owner) w.write(0, `Controlled By:\t${owner}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if ((spec.initContainers ?? []).length > 0) {
    describeContainers(w, 'Init Containers', spec.initContainers ?? [], status.initContainerStatuses, '');
  }
  describeContainers(w, 'Containers', spec.containers ?? [], status.containerStatuses, '');
  if ((spec.readinessGates ?? []).length > 0) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of spec.readinessGates ?? []) {
      const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
      w.write(1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
    }
  }
  if ((status.conditions ?? []).length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of status.conditions ?? []) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes, '');
  w.write(0, `QoS Class:\t${status.qosClass ?? computePodQos(obj)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
  describeEvents(w, inputs.events, inputs.nowMs);
  return w.toString();
}
