// reconcileNodeLabels of the cloud node controller (pure): an initialized node's deprecated beta topology labels
// follow their GA twins. mirrors k8s.io/cloud-provider/controllers/node/node_controller.go labelReconcileInfo.
import {
  LABEL_INSTANCE_TYPE,
  LABEL_INSTANCE_TYPE_BETA,
  LABEL_REGION,
  LABEL_REGION_BETA,
  LABEL_ZONE,
  LABEL_ZONE_BETA,
} from './initialize';

/** primary (GA) -> secondary (beta) label; every pair has ensureSecondaryExists: true */
const LABEL_RECONCILE_INFO: ReadonlyArray<readonly [string, string]> = [
  [LABEL_ZONE, LABEL_ZONE_BETA],
  [LABEL_REGION, LABEL_REGION_BETA],
  [LABEL_INSTANCE_TYPE, LABEL_INSTANCE_TYPE_BETA],
];

/** the beta labels to set so they match the GA ones; undefined when they already do */
export function labelsToReconcile(
  labels: Readonly<Record<string, string>> | undefined,
): Record<string, string> | undefined {
  if (!labels) return undefined;
  const out: Record<string, string> = {};
  for (const [primary, secondary] of LABEL_RECONCILE_INFO) {
    const value = labels[primary];
    if (value === undefined) continue;
    if (labels[secondary] !== value) out[secondary] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
