// Virtual time as the header shows it: h:mm:ss.mmm since the simulation started.
export function formatVirtualTime(ms: number): string {
  const total = Math.max(0, Math.floor(ms));
  const milli = total % 1000;
  const s = Math.floor(total / 1000) % 60;
  const m = Math.floor(total / 60_000) % 60;
  const h = Math.floor(total / 3_600_000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${h}:${pad(m)}:${pad(s)}.${pad(milli, 3)}`;
}
