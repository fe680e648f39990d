// A LabelSelector printed with %v as the generated protobuf String() renders it (the UnmanagedPods event text).
// mirrors staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/generated.pb.go (*LabelSelector).String.
import type { LabelSelector } from 'kubernetes-types/meta/v1';

/** `&LabelSelector{MatchLabels:map[string]string{app: web,},MatchExpressions:[]LabelSelectorRequirement{},}`; nil as <nil> */
export function labelSelectorString(sel: Readonly<LabelSelector> | undefined): string {
  if (!sel) return '<nil>';
  const labels = sel.matchLabels ?? {};
  const keys = Object.keys(labels).sort();
  const mapText = `map[string]string{${keys.map((k) => `${k}: ${labels[k] ?? ''},`).join('')}}`;
  const exprs = (sel.matchExpressions ?? [])
    .map(
      (e) =>
        `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],},`,
    )
    .join('');
  return `&LabelSelector{MatchLabels:${mapText},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}
