// Which containers of a pod template a `kubectl set` verb changes (k8s.io/kubectl/pkg/cmd/set/helper.go
// selectContainers, selectString): `-c` names them, `*` wildcards allowed, every container by default.

/** selectString, including its matching quirks: `*` parts are found left to right from the last match */
export function selectString(s: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return s === spec;
  let pos = 0;
  const parts = spec.split('*');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (part.length === 0) continue;
    // Go: next := strings.Index(s[pos:], part), an index into the rest of s
    const next = s.slice(pos).indexOf(part);
    if (next < pos || (i === 0 && pos !== 0) || (i === parts.length - 1 && s.length !== part.length + next))
      return false;
    pos = next;
  }
  return true;
}

/** selectContainers: the containers whose names the selector matches, in order */
export function selectContainers<C extends { name?: string }>(
  containers: readonly C[] | undefined,
  spec: string,
): C[] {
  return (containers ?? []).filter((c) => selectString(c.name ?? '', spec));
}

/** the containers then the init containers of a pod spec that the selector picks (set_env.go, set_resources.go Run) */
export function selectedContainers<C extends { name?: string }>(
  spec: { containers?: C[]; initContainers?: C[] },
  selector: string,
): C[] {
  return [...selectContainers(spec.containers, selector), ...selectContainers(spec.initContainers, selector)];
}
