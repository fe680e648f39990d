// Linear-time structural checks on a parsed YAML document before it becomes JSON: duplicate keys,
// keys per map, nesting depth, non-scalar keys. The `yaml` library's own duplicate check is quadratic.
import { isAlias, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import { yamlErrorText } from './yamlErrors';

export interface ManifestLimits {
  maxBytes: number;
  maxDepth: number;
  maxKeysPerMap: number;
  /** total JSON nodes after alias expansion, per input */
  maxNodes: number;
}

export const DEFAULT_LIMITS: ManifestLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxDepth: 10_000,
  maxKeysPerMap: 50_000,
  maxNodes: 2_000_000,
};

/** a key as sigs.k8s.io/yaml turns it into a JSON key (fmt.Sprint of the decoded scalar) */
export function jsonKeyOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  return String(value);
}

function startOf(node: Node | null | undefined): number | undefined {
  return node && 'range' in node && node.range ? node.range[0] : undefined;
}

/**
 * Walks the document iteratively (no recursion, so depth cannot overflow the stack).
 * Returns the first problem as `yaml: line L, column C: ...`, or undefined.
 */
export function checkDocument(
  root: Node | null,
  lc: LineCounter,
  limits: ManifestLimits,
): string | undefined {
  if (!root) return undefined;
  const at = (node: Node | null | undefined, fallback: Node) =>
    lc.linePos(startOf(node) ?? startOf(fallback) ?? 0);
  const stack: { node: Node; depth: number }[] = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: Node; depth: number };
    if (depth > limits.maxDepth) {
      return yamlErrorText(at(node, root), `exceeded max depth of ${limits.maxDepth}`);
    }
    if (isMap(node)) {
      if (node.items.length > limits.maxKeysPerMap) {
        return yamlErrorText(
          at(node, root),
          `map has ${node.items.length} keys, more than the ${limits.maxKeysPerMap} allowed`,
        );
      }
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        if (key && !isScalar(key) && !isAlias(key)) {
          return yamlErrorText(
            at(key, node),
            'invalid map key: a key must be a scalar (json: unsupported type)',
          );
        }
        const name = isScalar(key) ? jsonKeyOf(key.value) : key ? `*${key.source}` : 'null';
        // YAML 1.1 merge keys may repeat; they are not fields
        if (name !== '<<') {
          if (seen.has(name))
            return yamlErrorText(at(key, node), `key ${JSON.stringify(name)} already set in map`);
          seen.add(name);
        }
        const value = pair.value as Node | null;
        if (value) stack.push({ node: value, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        if (item) stack.push({ node: item as Node, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/** position of the first alias (named `name`, when given) in the document: where an alias error is reported */
export function firstAliasPos(
  root: Node | null,
  lc: LineCounter,
  name?: string,
): { line: number; col: number } {
  const stack: Node[] = root ? [root] : [];
  let best: number | undefined;
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (isAlias(node)) {
      if (name !== undefined && node.source !== name) continue;
      const s = startOf(node);
      if (s !== undefined && (best === undefined || s < best)) best = s;
    } else if (isMap(node)) {
      for (const p of node.items) if (isPair(p) && p.value) stack.push(p.value as Node);
    } else if (isSeq(node)) {
      for (const item of node.items) if (item) stack.push(item as Node);
    }
  }
  return lc.linePos(best ?? 0);
}
