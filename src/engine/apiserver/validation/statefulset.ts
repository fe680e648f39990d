// StatefulSet validation and its restricted update.
// mirrors pkg/apis/apps/validation/validation.go ValidateStatefulSetSpec / ValidateStatefulSetUpdate.
import type { StatefulSetSpec } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../types/object';
import { fieldError, type FieldError } from '../fieldErrors';
import { deepEqual } from '../objectUtil';
import { goIntOrString } from './goFormat';
import { validateAnnotations, validateLabels, validateNonnegative } from './meta';
import { isDNS1123Label } from './names';
import { validatePersistentVolumeClaimSpec } from './storage';
import {
  intOrPercentValue,
  validateNotMoreThan100Percent,
  validatePositiveIntOrPercent,
  validateTemplateMatchesSelector,
  validateWorkloadSelector,
} from './workloadCommon';

const RETENTION = ['Retain', 'Delete'];

function validateUpdateStrategy(s: StatefulSetSpec): FieldError[] {
  const us = s.updateStrategy ?? {};
  const p = 'spec.updateStrategy';
  if (!us.type) return [fieldError.required(p, '')];
  if (us.type === 'OnDelete') {
    return us.rollingUpdate
      ? [
          fieldError.invalid(
            `${p}.rollingUpdate`,
            us.rollingUpdate,
            "only allowed for updateStrategy 'RollingUpdate'",
          ),
        ]
      : [];
  }
  if (us.type !== 'RollingUpdate')
    return [fieldError.invalid(p, us, "must be 'RollingUpdate' or 'OnDelete'")];
  const ru = us.rollingUpdate;
  if (!ru) return [];
  const errs = validateNonnegative(ru.partition, `${p}.rollingUpdate.partition`);
  if (ru.maxUnavailable !== undefined) {
    const mp = `${p}.rollingUpdate.maxUnavailable`;
    errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, mp));
    if (intOrPercentValue(ru.maxUnavailable) === 0)
      errs.push(fieldError.invalid(mp, goIntOrString(ru.maxUnavailable), 'cannot be 0'));
    errs.push(...validateNotMoreThan100Percent(ru.maxUnavailable, mp));
  }
  return errs;
}

/** ValidateStatefulSetSpec (the template's pod spec itself is not validated, as upstream's TODO says) */
export function validateStatefulSetSpec(spec: StatefulSetSpec | undefined): FieldError[] {
  const s = spec ?? ({} as StatefulSetSpec);
  const errs: FieldError[] = [];
  const pmp = s.podManagementPolicy;
  if (!pmp) errs.push(fieldError.required('spec.podManagementPolicy', ''));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') {
    errs.push(fieldError.invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  }
  errs.push(...validateUpdateStrategy(s));
  const pvcp = s.persistentVolumeClaimRetentionPolicy;
  if (pvcp) {
    for (const f of ['whenDeleted', 'whenScaled'] as const) {
      const v = pvcp[f] ?? '';
      if (!RETENTION.includes(v))
        errs.push(fieldError.notSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, v, RETENTION));
    }
  }
  errs.push(...validateNonnegative(s.replicas, 'spec.replicas'));
  errs.push(...validateNonnegative(s.minReadySeconds, 'spec.minReadySeconds'));
  if (s.ordinals) errs.push(...validateNonnegative(s.ordinals.start, 'spec.ordinals.start'));
  if (s.serviceName)
    for (const msg of isDNS1123Label(s.serviceName))
      errs.push(fieldError.invalid('spec.serviceName', s.serviceName, msg));
  errs.push(...validateWorkloadSelector(s.selector, 'statefulset', 'spec.selector'));
  errs.push(...validateTemplateMatchesSelector(s.selector, s.template, 'spec.template'));
  errs.push(...validateLabels(s.template?.metadata?.labels, 'spec.template.labels'));
  errs.push(...validateAnnotations(s.template?.metadata?.annotations, 'spec.template.annotations'));
  const restart = s.template?.spec?.restartPolicy ?? '';
  if (restart !== 'Always')
    errs.push(fieldError.notSupported('spec.template.spec.restartPolicy', restart, ['Always']));
  if (s.template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(
      fieldError.forbidden(
        'spec.template.spec.activeDeadlineSeconds',
        'activeDeadlineSeconds in StatefulSet is not Supported',
      ),
    );
  }
  (s.volumeClaimTemplates ?? []).forEach((pvc, i) => {
    const p = `spec.volumeClaimTemplates[${i}]`;
    if (!pvc.metadata?.name) errs.push(fieldError.required(`${p}.metadata.name`, ''));
    errs.push(...validatePersistentVolumeClaimSpec(pvc.spec, `${p}.spec`));
  });
  return errs;
}

const MUTABLE = [
  'replicas',
  'template',
  'updateStrategy',
  'revisionHistoryLimit',
  'minReadySeconds',
  'ordinals',
  'persistentVolumeClaimRetentionPolicy',
];

/**
 * ValidateStatefulSetUpdate (pkg/apis/apps/validation/validation.go): only the listed spec fields may change;
 * revisionHistoryLimit became mutable after kubernetes/kubernetes#130263 (before v1.35, which kubesim models)
 */
export function validateStatefulSetSpecUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const n = { ...((next.spec ?? {}) as Record<string, unknown>) };
  const o = { ...((old.spec ?? {}) as Record<string, unknown>) };
  for (const f of MUTABLE) {
    delete n[f];
    delete o[f];
  }
  if (deepEqual(n, o)) return [];
  return [
    fieldError.forbidden(
      'spec',
      "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ),
  ];
}
