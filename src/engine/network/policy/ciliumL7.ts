// Cilium L7 HTTP rules without CRDs: a NetworkPolicy annotated `policy.cilium.io/l7-http` with a JSON list of
// {"method": regex, "path": regex} rules restricts the HTTP requests its ingress rules allow (like the `rules.http`
// section of a CiliumNetworkPolicy). A request allowed at L3/L4 by such a policy but matching no rule gets
// Envoy's `403 Access denied`.
import type { ConnectionVerdict } from './evaluate';
import type { NetworkView } from '../view';

export const L7_ANNOTATION = 'policy.cilium.io/l7-http';

interface HttpRule {
  method?: string;
  path?: string;
}

function rulesOf(view: NetworkView, policy: string): HttpRule[] | undefined {
  const [ns, name] = policy.split('/');
  const p = view.policiesIn(ns ?? '').find((x) => x.metadata?.name === name);
  const raw = p?.metadata?.annotations?.[L7_ANNOTATION];
  if (raw === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? (parsed as HttpRule[]) : [];
  } catch {
    return [];
  }
}

const full = (re: string | undefined, s: string) => {
  if (re === undefined || re === '') return true;
  try {
    return new RegExp(`^(?:${re})$`).test(s);
  } catch {
    return false;
  }
};

/** undefined when no L7 rules apply; otherwise whether Envoy lets the request through */
export function l7Verdict(
  view: NetworkView,
  verdict: ConnectionVerdict,
  method: string,
  path: string,
): { allowed: boolean; detail: string } | undefined {
  const policy =
    verdict.ingress?.allowed && verdict.ingress.isolated ? verdict.ingress.policies[0] : undefined;
  if (!policy) return undefined;
  const rules = rulesOf(view, policy);
  if (!rules) return undefined;
  const hit = rules.find((r) => full(r.method, method) && full(r.path, path));
  return hit
    ? { allowed: true, detail: `${method} ${path} matches L7 rule ${JSON.stringify(hit)} of ${policy}` }
    : { allowed: false, detail: `${method} ${path} matches no L7 rule of ${policy}: 403 Access denied` };
}
