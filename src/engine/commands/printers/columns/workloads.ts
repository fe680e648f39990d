// Workload columns: deployments, replicasets, statefulsets, daemonsets, replicationcontrollers, controllerrevisions.
// mirrors pkg/printers/internalversion/printers.go printDeployment / printReplicaSet / printStatefulSet /
// printDaemonSet / printReplicationController / printControllerRevision.
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { ReplicationController } from 'kubernetes-types/core/v1';
import type { KindPrinter } from './types';
import { translateTimestampSince } from '../age';
import { formatLabels, kindPrefix, labelSelectorString, layoutContainerCells } from '../format';

const age = (ts: string | undefined, nowMs: number) => translateTimestampSince(ts, nowMs);
const n = (v: number | undefined | null): string => String(v ?? 0);

export const deploymentPrinter: KindPrinter = {
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'Ready' },
    { name: 'Up-to-date' },
    { name: 'Available' },
    { name: 'Age' },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row(obj, { nowMs }) {
    const d = obj as unknown as Deployment;
    const [containers, images] = layoutContainerCells(d.spec?.template?.spec?.containers);
    return [
      obj.metadata.name ?? '',
      `${n(d.status?.readyReplicas)}/${n(d.spec?.replicas)}`,
      n(d.status?.updatedReplicas),
      n(d.status?.availableReplicas),
      age(obj.metadata.creationTimestamp, nowMs),
      containers,
      images,
      labelSelectorString(d.spec?.selector),
    ];
  },
};

const replicaColumns = [
  { name: 'Name', format: 'name' as const },
  { name: 'Desired' },
  { name: 'Current' },
  { name: 'Ready' },
  { name: 'Age' },
  { name: 'Containers', priority: 1 as const },
  { name: 'Images', priority: 1 as const },
  { name: 'Selector', priority: 1 as const },
];

export const replicaSetPrinter: KindPrinter = {
  columns: replicaColumns,
  row(obj, { nowMs }) {
    const rs = obj as unknown as ReplicaSet;
    const [containers, images] = layoutContainerCells(rs.spec?.template?.spec?.containers);
    return [
      obj.metadata.name ?? '',
      n(rs.spec?.replicas),
      n(rs.status?.replicas),
      n(rs.status?.readyReplicas),
      age(obj.metadata.creationTimestamp, nowMs),
      containers,
      images,
      labelSelectorString(rs.spec?.selector),
    ];
  },
};

export const replicationControllerPrinter: KindPrinter = {
  columns: replicaColumns,
  row(obj, { nowMs }) {
    const rc = obj as unknown as ReplicationController;
    const [containers, images] = layoutContainerCells(rc.spec?.template?.spec?.containers);
    const sel = rc.spec?.selector ?? {};
    return [
      obj.metadata.name ?? '',
      n(rc.spec?.replicas),
      n(rc.status?.replicas),
      n(rc.status?.readyReplicas),
      age(obj.metadata.creationTimestamp, nowMs),
      containers,
      images,
      Object.keys(sel).length === 0 ? '<none>' : formatLabels(sel),
    ];
  },
};

export const statefulSetPrinter: KindPrinter = {
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'Ready' },
    { name: 'Age' },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
  ],
  row(obj, { nowMs }) {
    const ss = obj as unknown as StatefulSet;
    const [containers, images] = layoutContainerCells(ss.spec?.template?.spec?.containers);
    return [
      obj.metadata.name ?? '',
      `${n(ss.status?.readyReplicas)}/${n(ss.spec?.replicas)}`,
      age(obj.metadata.creationTimestamp, nowMs),
      containers,
      images,
    ];
  },
};

export const daemonSetPrinter: KindPrinter = {
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'Desired' },
    { name: 'Current' },
    { name: 'Ready' },
    { name: 'Up-to-date' },
    { name: 'Available' },
    { name: 'Node Selector' },
    { name: 'Age' },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row(obj, { nowMs }) {
    const ds = obj as unknown as DaemonSet;
    const st = ds.status;
    const [containers, images] = layoutContainerCells(ds.spec?.template?.spec?.containers);
    return [
      obj.metadata.name ?? '',
      n(st?.desiredNumberScheduled),
      n(st?.currentNumberScheduled),
      n(st?.numberReady),
      n(st?.updatedNumberScheduled),
      n(st?.numberAvailable),
      formatLabels(ds.spec?.template?.spec?.nodeSelector),
      age(obj.metadata.creationTimestamp, nowMs),
      containers,
      images,
      labelSelectorString(ds.spec?.selector),
    ];
  },
};

export const controllerRevisionPrinter: KindPrinter = {
  columns: [{ name: 'Name', format: 'name' }, { name: 'Controller' }, { name: 'Revision' }, { name: 'Age' }],
  row(obj, { nowMs }) {
    const owner = (obj.metadata.ownerReferences ?? []).find((r) => r.controller);
    const controller = owner ? `${kindPrefix(owner.apiVersion, owner.kind)}/${owner.name}` : '<none>';
    return [
      obj.metadata.name ?? '',
      controller,
      String((obj as { revision?: number }).revision ?? 0),
      age(obj.metadata.creationTimestamp, nowMs),
    ];
  },
};
