// Rolling-update fenceposts: how many pods above/below spec.replicas a Deployment may have during a rollout.
// mirrors pkg/controller/deployment/util/deployment_util.go ResolveFenceposts/MaxSurge/MaxUnavailable and
// apimachinery intstr.GetScaledValueFromIntOrPercent.
import type { Deployment } from 'kubernetes-types/apps/v1';

export type IntOrString = number | string;

/** intstr.GetScaledValueFromIntOrPercent: percentages are scaled by total and rounded up or down */
export function getScaledValueFromIntOrPercent(
  v: IntOrString | undefined,
  total: number,
  roundUp: boolean,
): number {
  if (v === undefined) throw new Error('nil value for IntOrString');
  if (typeof v === 'number') return v;
  if (!v.endsWith('%'))
    throw new Error('invalid value for IntOrString: invalid type: string is not a percentage');
  const s = v.slice(0, -1);
  if (!/^[+-]?\d+$/.test(s)) {
    throw new Error(
      `invalid value for IntOrString: invalid value "${v}": strconv.Atoi: parsing "${s}": invalid syntax`,
    );
  }
  const scaled = (Number.parseInt(s, 10) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/** ResolveFenceposts: [surge, unavailable]; both zero after rounding -> unavailable 1. Throws on a bad value. */
export function resolveFenceposts(
  maxSurge: IntOrString | undefined,
  maxUnavailable: IntOrString | undefined,
  desired: number,
): [number, number] {
  const surge = getScaledValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  let unavailable = getScaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export function isRollingUpdate(d: Readonly<Deployment>): boolean {
  return d.spec?.strategy?.type === 'RollingUpdate';
}

export function replicasOf(d: Readonly<Deployment>): number {
  return d.spec?.replicas ?? 1;
}

function fenceposts(d: Readonly<Deployment>): [number, number] {
  const ru = d.spec?.strategy?.rollingUpdate;
  try {
    return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicasOf(d));
  } catch {
    // "Error caught by validation": the Go code ignores the error and uses zero values
    return [0, 0];
  }
}

/** MaxUnavailable: 0 unless RollingUpdate with replicas > 0; clamped to replicas */
export function maxUnavailable(d: Readonly<Deployment>): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(fenceposts(d)[1], replicas);
}

/** MinAvailable: replicas - MaxUnavailable for RollingUpdate, else 0 */
export function minAvailable(d: Readonly<Deployment>): number {
  if (!isRollingUpdate(d)) return 0;
  return replicasOf(d) - maxUnavailable(d);
}

/** MaxSurge: 0 unless RollingUpdate */
export function maxSurge(d: Readonly<Deployment>): number {
  if (!isRollingUpdate(d)) return 0;
  return fenceposts(d)[0];
}
