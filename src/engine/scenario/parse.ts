// Parses a scenario YAML file into a validated Scenario; every problem carries file, path, line and column.
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { Scenario, ScenarioIssue } from './types';
import type { Path, RawIssue } from './fields';
import { FieldReader, formatPath } from './fields';
import { validateScenario } from './schema';

/** scenario files are small; refuse anything that could only be a mistake or an attack */
const MAX_BYTES = 1_000_000;

export class ScenarioParseError extends Error {
  constructor(readonly issues: readonly ScenarioIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ScenarioParseError';
  }
}

/** `file:line:col: path: message` like a compiler, so editors can jump to it */
export function formatIssue(i: ScenarioIssue): string {
  const where = i.line === undefined ? i.file : `${i.file}:${i.line}:${i.column ?? 1}`;
  return `${where}: ${i.path}: ${i.message}`;
}

export function parseScenario(text: string, file = '<scenario>'): Scenario {
  if (text.length > MAX_BYTES) {
    throw new ScenarioParseError([
      { file, path: '(root)', message: `file is larger than ${MAX_BYTES} bytes` },
    ]);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e): ScenarioIssue => {
      const pos = lineCounter.linePos(e.pos[0]);
      return {
        file,
        path: '(yaml)',
        line: pos.line,
        column: pos.col,
        message: e.message.split('\n')[0] ?? '',
      };
    });
    throw new ScenarioParseError(issues);
  }
  const reader = new FieldReader();
  const body = validateScenario(doc.toJS({ maxAliasCount: 100 }) as unknown, reader);
  if (!body || reader.issues.length > 0) {
    throw new ScenarioParseError(reader.issues.map((i) => locate(i, doc.contents, lineCounter, file)));
  }
  return { file, ...body };
}

function locate(issue: RawIssue, root: YamlNode | null, lc: LineCounter, file: string): ScenarioIssue {
  const offset = offsetOf(root, issue.path, issue.atKey === true);
  const base: ScenarioIssue = { file, path: formatPath(issue.path), message: issue.message };
  if (offset === undefined) return base;
  const pos = lc.linePos(offset);
  return { ...base, line: pos.line, column: pos.col };
}

/** start offset of the node at `path`, or of the deepest ancestor that exists */
function offsetOf(root: YamlNode | null, path: Path, atKey: boolean): number | undefined {
  let node: unknown = root;
  let best = (root?.range?.[0] as number | undefined) ?? undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const isLast = i === path.length - 1;
      next = isLast && atKey ? pair.key : (pair.value ?? pair.key);
    } else if (isSeq(node) && typeof seg === 'number') {
      next = node.items[seg];
    }
    const range = (next as YamlNode | undefined)?.range;
    if (!range) break;
    best = range[0];
    node = next;
  }
  return best;
}
