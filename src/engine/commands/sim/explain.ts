// `sim explain pod/NAME [-n NAMESPACE]`: why the scheduler put a pod where it did (or could not place it):
// the filter verdict of every node, each score plugin's weighted score, totals, the winner and tie-breaks.
import type { CommandSpec } from '../types';
import type { AttemptRecord } from '../../scheduler/explanations';
import { fail, ok } from '../types';
import { commandNamespace } from '../resourceName';
import { getExplanations } from '../../scheduler/explanations';

/** kubectl-style columns: each as wide as its widest cell, three spaces apart */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd((widths[i] ?? 0) + 3)))
        .join('')
        .trimEnd(),
    )
    .join('\n');
}

function filterTable(rec: AttemptRecord): string {
  const byNode = new Map(rec.filters.map((f) => [f.node, f]));
  const rows: string[][] = [['NODE', 'RESULT', 'PLUGIN', 'REASON']];
  for (const node of rec.nodeNames) {
    const v = byNode.get(node);
    if (!v) rows.push([node, 'not evaluated', '', '']);
    else if (v.result === 'passed') rows.push([node, 'passed', '', '']);
    else rows.push([node, 'failed', v.plugin ?? '', (v.reasons ?? []).join(', ')]);
  }
  return table(rows);
}

function scoreTable(rec: AttemptRecord): string {
  const head = ['NODE', ...rec.scorePlugins.map((p) => `${p.name}(x${p.weight})`)];
  if (rec.extenders.length > 0) head.push('EXTENDERS');
  head.push('TOTAL', '');
  const rows: string[][] = [head];
  const sorted = [...rec.scores].sort((a, b) => b.total - a.total || (a.node < b.node ? -1 : 1));
  for (const r of sorted) {
    const row = [r.node, ...r.plugins.map((c) => (c === undefined ? 'skipped' : String(c.weighted)))];
    if (rec.extenders.length > 0) row.push(String(r.extender));
    row.push(String(r.total), r.node === rec.winner ? '<- winner' : '');
    rows.push(row);
  }
  return table(rows);
}

export function formatAttempt(podKey: string, rec: AttemptRecord, at: string): string {
  const out: string[] = [];
  const outcome = rec.result === 'Scheduled' ? `Scheduled on ${rec.winner ?? ''}` : rec.result;
  out.push(`Pod ${podKey}: attempt ${rec.attempt} at ${at} by ${rec.profile}: ${outcome}`);
  const pre = rec.preFilter.filter((p) => p.code !== 'Success' && p.code !== 'Skip');
  for (const p of pre) out.push(`PreFilter ${p.plugin} rejected the pod: ${p.reasons.join(', ')}`);
  if (rec.nominatedNode) out.push(`Nominated node ${rec.nominatedNode} was evaluated first.`);
  out.push(
    '',
    `Filters (${rec.numAllNodes} nodes, stop after ${rec.numNodesToFind} feasible, starting at node index ${rec.startIndex}):`,
    filterTable(rec),
  );
  if (rec.scoringSkipped) out.push('', `Scoring skipped: ${rec.scoringSkipped}.`);
  else if (rec.scores.length > 0) {
    const ext = rec.extenders.map((e) => `${e.name}(x${e.weight} x10)`).join(', ');
    out.push('', `Scores (normalized score x weight${ext ? `; extenders: ${ext}` : ''}):`, scoreTable(rec));
  }
  if (rec.tie)
    out.push(`Tie between ${rec.tie.candidates.join(', ')}: ${rec.tie.chosen} picked at random (seeded).`);
  if (rec.preemption) {
    const p = rec.preemption;
    if (p.nominatedNode)
      out.push('', `Preemption: nominated ${p.nominatedNode}, evicting ${p.victims.join(', ')}.`);
  }
  out.push('', `Message: ${rec.message}`);
  if (rec.binding) out.push(`Binding: ${rec.binding.ok ? 'ok' : 'failed'}: ${rec.binding.message}`);
  return out.join('\n') + '\n';
}

function parseTarget(positionals: readonly string[]): string | undefined {
  const [a, b] = positionals;
  if (positionals.length === 1 && a?.includes('/')) {
    const [kind, name] = a.split('/', 2);
    return ['pod', 'pods', 'po'].includes(kind ?? '') && name ? name : undefined;
  }
  if (positionals.length === 2 && ['pod', 'pods', 'po'].includes(a ?? '')) return b;
  return undefined;
}

export const explainCommand: CommandSpec = {
  path: ['explain'],
  summary: "Explain the scheduler's decision for a pod: filter verdicts, scores, the winner",
  flags: [{ name: 'namespace', short: 'n', type: 'string', help: 'namespace of the pod' }],
  run(args, { rt }) {
    const name = parseTarget(args.positionals);
    if (!name) return fail('error: usage: sim explain pod/NAME [-n NAMESPACE]\n');
    const ns = commandNamespace(args.string('namespace'));
    const key = `${ns}/${name}`;
    const attempts = getExplanations(rt, key);
    const latest = attempts[attempts.length - 1];
    if (!latest) {
      let exists = true;
      try {
        rt.api.get('pods', ns, name);
      } catch {
        exists = false;
      }
      if (!exists) return fail(`Error from server (NotFound): pods "${name}" not found\n`);
      return ok(
        `pod ${key} has no scheduling attempts yet (not yet picked up, gated, bound by hand, or its schedulerName names no running scheduler)\n`,
      );
    }
    let text = formatAttempt(key, latest, rt.sim.clock.toRfc3339(latest.timeMs));
    if (attempts.length > 1) {
      text += '\nEarlier attempts:\n';
      for (const a of attempts.slice(0, -1))
        text += `  #${a.attempt} at ${rt.sim.clock.toRfc3339(a.timeMs)}: ${a.message}\n`;
    }
    return ok(text);
  },
};
