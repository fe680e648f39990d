// Priority admission (plugin/pkg/admission/priority/admission.go): resolves spec.priorityClassName to spec.priority
// and spec.preemptionPolicy; the lowest globalDefault class applies when no name is given; one default at most.
import type { KubeObject } from '../../types/object';
import type { AdmissionApi, AdmissionPlugin } from './types';
import { admissionName } from './types';
import { newForbidden } from '../errors';

/** scheduling.SystemCriticalPriority and the two classes the API server bootstraps */
export const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};
const DEFAULT_PREEMPTION = 'PreemptLowerPriority';

interface ClassInfo {
  name: string;
  value: number;
  preemptionPolicy: string;
}

function classInfo(pc: Readonly<KubeObject>): ClassInfo {
  return {
    name: pc.metadata.name ?? '',
    value: typeof pc.value === 'number' ? pc.value : 0,
    preemptionPolicy: typeof pc.preemptionPolicy === 'string' ? pc.preemptionPolicy : DEFAULT_PREEMPTION,
  };
}

function lookupClass(api: AdmissionApi, name: string): ClassInfo | undefined {
  const pc = api.get('priorityclasses', undefined, name);
  if (pc) return classInfo(pc);
  const builtin = SYSTEM_PRIORITY_CLASSES[name];
  return builtin === undefined ? undefined : { name, value: builtin, preemptionPolicy: DEFAULT_PREEMPTION };
}

/** getDefaultPriority: the globalDefault class with the lowest value, else priority 0 with no class name */
function defaultClass(api: AdmissionApi): ClassInfo {
  let best: ClassInfo | undefined;
  for (const pc of api.list('priorityclasses', undefined)) {
    if (pc.globalDefault !== true) continue;
    const c = classInfo(pc);
    if (!best || c.value < best.value) best = c;
  }
  return best ?? { name: '', value: 0, preemptionPolicy: DEFAULT_PREEMPTION };
}

function admitPod(
  obj: KubeObject,
  resource: Parameters<AdmissionPlugin['admit']>[1],
  api: AdmissionApi,
): void {
  const spec = (obj.spec ?? {}) as {
    priorityClassName?: string;
    priority?: number;
    preemptionPolicy?: string;
  };
  let cls: ClassInfo;
  if (!spec.priorityClassName) {
    cls = defaultClass(api);
    if (cls.name) spec.priorityClassName = cls.name;
  } else {
    const found = lookupClass(api, spec.priorityClassName);
    if (!found) {
      throw newForbidden(
        resource,
        admissionName(obj),
        `no PriorityClass with name ${spec.priorityClassName} was found`,
      );
    }
    cls = found;
  }
  if (spec.priority !== undefined && spec.priority !== cls.value) {
    throw newForbidden(
      resource,
      admissionName(obj),
      `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${cls.value} from the given PriorityClass name`,
    );
  }
  if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== cls.preemptionPolicy) {
    throw newForbidden(
      resource,
      admissionName(obj),
      `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${cls.preemptionPolicy} from the given PriorityClass name`,
    );
  }
  spec.priority = cls.value;
  spec.preemptionPolicy = cls.preemptionPolicy;
  obj.spec = spec;
}

export const priorityAdmission: AdmissionPlugin = {
  name: 'Priority',
  admit(op, resource, obj, _old, api) {
    if (resource.group === '' && resource.kind === 'Pod' && op === 'CREATE') {
      admitPod(obj, resource, api);
      return;
    }
    if (resource.group !== 'scheduling.k8s.io' || resource.kind !== 'PriorityClass') return;
    if ((op !== 'CREATE' && op !== 'UPDATE') || obj.globalDefault !== true) return;
    const other = api
      .list('priorityclasses', undefined)
      .find((pc) => pc.globalDefault === true && pc.metadata.name !== obj.metadata.name);
    if (other) {
      throw newForbidden(
        resource,
        admissionName(obj),
        `PriorityClass ${other.metadata.name ?? ''} is already marked as default. Only one default can exist`,
      );
    }
  },
};
