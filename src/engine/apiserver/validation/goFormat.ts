// Bad values rendered the way Go's `%#v` prints them in field errors (maps, LabelSelector, IntOrString, structs).
// field.Error.ErrorBody falls back to %#v for anything that is not a string, number or fmt.Stringer.
import { GoLiteral } from '../fieldErrors';

const q = (s: string): string => JSON.stringify(s);

/** map[string]string{"a":"b"}; nil prints as map[string]string(nil). fmt sorts map keys. */
export function goStringMapText(m: Readonly<Record<string, string>> | undefined | null): string {
  if (m === undefined || m === null) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${q(k)}:${q(String(m[k]))}`).join(', ')}}`;
}

export function goStringMap(m: Readonly<Record<string, string>> | undefined | null): GoLiteral {
  return new GoLiteral(goStringMapText(m));
}

function goStringSlice(values: readonly string[] | undefined | null): string {
  if (values === undefined || values === null) return '[]string(nil)';
  return `[]string{${values.map(q).join(', ')}}`;
}

export interface LabelSelectorShape {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: { key: string; operator: string; values?: string[] | null }[] | null;
}

/** v1.LabelSelector{MatchLabels:..., MatchExpressions:...} as metav1 prints it */
export function goLabelSelector(sel: LabelSelectorShape): GoLiteral {
  const exprs = sel.matchExpressions;
  const exprText =
    exprs === undefined || exprs === null
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${exprs
          .map(
            (e) =>
              `v1.LabelSelectorRequirement{Key:${q(e.key)}, Operator:${q(e.operator)}, Values:${goStringSlice(e.values)}}`,
          )
          .join(', ')}}`;
  return new GoLiteral(
    `v1.LabelSelector{MatchLabels:${goStringMapText(sel.matchLabels)}, MatchExpressions:${exprText}}`,
  );
}

/** intstr.IntOrString{Type:0, IntVal:1, StrVal:""} (Type 1 for strings) */
export function goIntOrStringText(v: number | string | undefined): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${q(v)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`;
}

export function goIntOrString(v: number | string | undefined): GoLiteral {
  return new GoLiteral(goIntOrStringText(v));
}

/** core.Toleration{...}; a set pointer prints as an address in Go, shown here as a fixed placeholder */
export function goToleration(t: {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}): GoLiteral {
  const secs = t.tolerationSeconds === undefined ? '(*int64)(nil)' : '(*int64)(0xc000000000)';
  return new GoLiteral(
    `core.Toleration{Key:${q(t.key ?? '')}, Operator:${q(t.operator ?? '')}, Value:${q(t.value ?? '')}, Effect:${q(t.effect ?? '')}, TolerationSeconds:${secs}}`,
  );
}

/** the {Protocol, Port} key ValidateService uses to detect duplicate ports */
export function goServicePortKey(port: number, protocol: string): GoLiteral {
  return new GoLiteral(
    `core.ServicePort{Name:"", Protocol:${q(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:${goIntOrStringText(0)}, NodePort:0}`,
  );
}

/** core.Taint{...} for duplicate-taint errors */
export function goTaint(t: { key?: string; value?: string; effect?: string }): GoLiteral {
  return new GoLiteral(
    `core.Taint{Key:${q(t.key ?? '')}, Value:${q(t.value ?? '')}, Effect:${q(t.effect ?? '')}, TimeAdded:<nil>}`,
  );
}
