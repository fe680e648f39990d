// Declarative scheduler extenders: the simulator's stand-in for HTTP extenders (KubeSchedulerConfiguration.extenders).
// A `sim://` extender scores nodes 0..MaxExtenderPriority from data instead of a webhook call; schedule_one.go
// prioritizeNodes multiplies its score by weight and by MaxNodeScore / MaxExtenderPriority.
import type { Node } from 'kubernetes-types/core/v1';
import { MAX_NODE_SCORE } from './framework/types';

/** mirrors extenderv1.MaxExtenderPriority */
export const MAX_EXTENDER_PRIORITY = 10;

/**
 * One entry of `extenders:`. Shape (YAML):
 *   - urlPrefix: sim://prefer-ssd            # any name; must start with sim://
 *     weight: 5                              # > 0, as the real extender's prioritize weight
 *     preferLabel: {key: disktype, value: ssd, score: 10}   # nodes with the label (and value, if given) get score
 *     nodeScores: {node-2: 10, node-1: 3}    # explicit per-node scores (0-10); override preferLabel
 */
export interface ExtenderConfig {
  urlPrefix: string;
  weight: number;
  preferLabel?: { key: string; value?: string; score: number };
  nodeScores?: Record<string, number>;
}

const clamp = (n: number): number => Math.max(0, Math.min(MAX_EXTENDER_PRIORITY, Math.trunc(n)));

/** the extender's prioritize result for one node (0..MaxExtenderPriority) */
export function extenderScore(ext: ExtenderConfig, node: Node): number {
  const name = node.metadata?.name ?? '';
  const explicit = ext.nodeScores?.[name];
  if (explicit !== undefined) return clamp(explicit);
  const pl = ext.preferLabel;
  if (pl !== undefined) {
    const v = node.metadata?.labels?.[pl.key];
    if (v !== undefined && (pl.value === undefined || v === pl.value)) return clamp(pl.score);
  }
  return 0;
}

/** contribution to a node's total: score x weight x (MaxNodeScore / MaxExtenderPriority) */
export function extenderContribution(ext: ExtenderConfig, node: Node): number {
  return extenderScore(ext, node) * ext.weight * (MAX_NODE_SCORE / MAX_EXTENDER_PRIORITY);
}

/** validation errors of an extenders list (empty when valid) */
export function validateExtenders(list: unknown): string[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) return ['extenders: must be a list'];
  const errs: string[] = [];
  list.forEach((e: unknown, i) => {
    const o = (e ?? {}) as Record<string, unknown>;
    if (typeof o.urlPrefix !== 'string' || !o.urlPrefix.startsWith('sim://')) {
      errs.push(
        `extenders[${i}].urlPrefix: must start with sim:// (the simulator cannot call HTTP extenders)`,
      );
    }
    if (typeof o.weight !== 'number' || o.weight <= 0)
      errs.push(`extenders[${i}].weight: must be a positive value`);
  });
  return errs;
}
