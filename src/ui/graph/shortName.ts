// Shortens a long object name in the middle, keeping the generated suffix that tells ReplicaSet pods apart.
export function shortName(name: string, maxChars: number): string {
  if (name.length <= maxChars) return name;
  const tail = Math.ceil((maxChars - 1) / 2);
  const head = maxChars - 1 - tail;
  return `${name.slice(0, head)}…${name.slice(name.length - tail)}`;
}
