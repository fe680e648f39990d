// Small formatting helpers shared by the column and describe printers (labels, selectors, containers).
import { selectorFromLabelSelector, type LabelSelectorLike } from '../../labels/selector';

/** mirrors labels.FormatLabels: sorted k=v joined by ',', `<none>` when empty */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${(labels as Record<string, string>)[k]}`).join(',');
}

/** mirrors metav1.LabelSelectorAsSelector(...).String(): '' for an empty or missing selector */
export function labelSelectorString(sel: LabelSelectorLike | undefined | null): string {
  try {
    return selectorFromLabelSelector(sel).toString();
  } catch {
    return '<error>';
  }
}

/** mirrors metav1.FormatLabelSelector: `<none>` when empty */
export function formatLabelSelector(sel: LabelSelectorLike | undefined | null): string {
  const s = labelSelectorString(sel);
  return s.length === 0 ? '<none>' : s;
}

interface ContainerLike {
  name?: string;
  image?: string;
}

/** mirrors printers.go layoutContainerCells: names and images joined by ',' */
export function layoutContainerCells(containers: readonly ContainerLike[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name ?? '').join(','), list.map((c) => c.image ?? '').join(',')];
}

/** '<none>' for an empty string, as many printers do */
export const orNone = (s: string | undefined | null): string =>
  s === undefined || s === null || s === '' ? '<none>' : s;

/** the lower-case `kind.group` prefix kubectl prints for TYPE/NAME (`deployment.apps`, `pod`) */
export function kindPrefix(apiVersion: string, kind: string): string {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
}
