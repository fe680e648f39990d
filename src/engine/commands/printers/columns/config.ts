// Configuration columns: configmaps, secrets, serviceaccounts, leases, priorityclasses.
// mirrors pkg/printers/internalversion/printers.go printConfigMap / printSecret / printServiceAccount /
// printLease / printPriorityClass.
import type { ConfigMap, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { KindPrinter } from './types';
import { translateTimestampSince } from '../age';

const count = (m: object | undefined): number => Object.keys(m ?? {}).length;

export const configMapPrinter: KindPrinter = {
  columns: [{ name: 'Name', format: 'name' }, { name: 'Data' }, { name: 'Age' }],
  row(obj, { nowMs }) {
    const cm = obj as unknown as ConfigMap;
    return [
      obj.metadata.name ?? '',
      String(count(cm.data) + count(cm.binaryData)),
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
    ];
  },
};

export const secretPrinter: KindPrinter = {
  columns: [{ name: 'Name', format: 'name' }, { name: 'Type' }, { name: 'Data' }, { name: 'Age' }],
  row(obj, { nowMs }) {
    const s = obj as unknown as Secret;
    return [
      obj.metadata.name ?? '',
      s.type ?? 'Opaque',
      String(count(s.data)),
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
    ];
  },
};

export const serviceAccountPrinter: KindPrinter = {
  columns: [{ name: 'Name', format: 'name' }, { name: 'Secrets' }, { name: 'Age' }],
  row(obj, { nowMs }) {
    const sa = obj as unknown as ServiceAccount;
    return [
      obj.metadata.name ?? '',
      String((sa.secrets ?? []).length),
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
    ];
  },
};

export const leasePrinter: KindPrinter = {
  columns: [{ name: 'Name', format: 'name' }, { name: 'Holder' }, { name: 'Age' }],
  row(obj, { nowMs }) {
    const l = obj as unknown as Lease;
    return [
      obj.metadata.name ?? '',
      l.spec?.holderIdentity ?? '',
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
    ];
  },
};

export const priorityClassPrinter: KindPrinter = {
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'Value' },
    { name: 'Global-Default' },
    { name: 'Age' },
    { name: 'PreemptionPolicy' },
  ],
  row(obj, { nowMs }) {
    const pc = obj as unknown as PriorityClass;
    return [
      obj.metadata.name ?? '',
      String(pc.value ?? 0),
      String(pc.globalDefault ?? false),
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
      pc.preemptionPolicy ?? 'PreemptLowerPriority',
    ];
  },
};
