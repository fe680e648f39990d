// PodSpec and PodTemplateSpec validation.
// mirrors pkg/apis/core/validation/validation.go ValidatePodSpec / ValidatePodTemplateSpec.
import type { PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { fieldError, type FieldError } from '../fieldErrors';
import { validateContainers } from './containers';
import { validateAnnotations, validateDNS1123Label, validateLabels, validateNonnegative } from './meta';
import { inclusiveRangeError, isDNS1123Subdomain } from './names';
import { validateAffinity, validateTolerations } from './scheduling';
import { validateVolumes } from './volumes';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const MAX_INT32 = 2147483647;

function validateEnum(value: string | undefined, supported: string[], path: string): FieldError[] {
  if (!value) return [fieldError.required(path, '')];
  return supported.includes(value) ? [] : [fieldError.notSupported(path, value, supported)];
}

/** ValidatePodSpec */
export function validatePodSpec(spec: PodSpec | undefined, path: string): FieldError[] {
  const s = spec ?? ({} as PodSpec);
  const { errs, names: volumes } = validateVolumes(s.volumes, `${path}.volumes`);
  const containerNames = new Set<string>();
  errs.push(...validateContainers(s.containers, volumes, `${path}.containers`, containerNames, true));
  errs.push(
    ...validateContainers(s.initContainers, volumes, `${path}.initContainers`, containerNames, false),
  );
  // the checks below find nothing in what they are not given: their paths are built only for what is there
  if (!s.restartPolicy || !RESTART_POLICIES.includes(s.restartPolicy))
    errs.push(...validateEnum(s.restartPolicy, RESTART_POLICIES, `${path}.restartPolicy`));
  if (!s.dnsPolicy || !DNS_POLICIES.includes(s.dnsPolicy))
    errs.push(...validateEnum(s.dnsPolicy, DNS_POLICIES, `${path}.dnsPolicy`));
  if (s.nodeSelector != null) errs.push(...validateLabels(s.nodeSelector, `${path}.nodeSelector`));
  if (s.tolerations != null) errs.push(...validateTolerations(s.tolerations, `${path}.tolerations`));
  if (s.affinity) errs.push(...validateAffinity(s.affinity, `${path}.affinity`));
  if (s.terminationGracePeriodSeconds !== undefined && s.terminationGracePeriodSeconds < 0) {
    errs.push(
      ...validateNonnegative(s.terminationGracePeriodSeconds, `${path}.terminationGracePeriodSeconds`),
    );
  }
  if (s.serviceAccountName) {
    for (const msg of isDNS1123Subdomain(s.serviceAccountName)) {
      errs.push(fieldError.invalid(`${path}.serviceAccountName`, s.serviceAccountName, msg));
    }
  }
  if (
    s.activeDeadlineSeconds !== undefined &&
    (s.activeDeadlineSeconds < 1 || s.activeDeadlineSeconds > MAX_INT32)
  ) {
    errs.push(
      fieldError.invalid(
        `${path}.activeDeadlineSeconds`,
        s.activeDeadlineSeconds,
        inclusiveRangeError(1, MAX_INT32),
      ),
    );
  }
  if (s.hostname) errs.push(...validateDNS1123Label(s.hostname, `${path}.hostname`));
  if (s.subdomain) errs.push(...validateDNS1123Label(s.subdomain, `${path}.subdomain`));
  return errs;
}

/** ValidatePodTemplateSpec: template labels/annotations plus the pod spec */
export function validatePodTemplateSpec(template: PodTemplateSpec | undefined, path: string): FieldError[] {
  const t = template ?? {};
  return [
    ...validateLabels(t.metadata?.labels, `${path}.labels`),
    ...validateAnnotations(t.metadata?.annotations, `${path}.annotations`),
    ...validatePodSpec(t.spec, `${path}.spec`),
  ];
}
