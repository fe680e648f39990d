// `kubectl describe` for namespaces and for kinds without a dedicated describer: mirrors describe.go
// describeNamespace and GenericDescriber (printUnstructuredContent, smartLabelFor).
import type { Namespace } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../types/object';
import type { DescribeInputs } from './types';
import { DescribeWriter } from './writer';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './common';

export function describeNamespace(obj: KubeObject, _inputs: DescribeInputs): string {
  const ns = obj as unknown as Namespace;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
  const conds = ns.status?.conditions ?? [];
  if (conds.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conds) {
      w.write(
        1,
        `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`,
      );
    }
  }
  w.write(0, '\n');
  w.write(0, 'No resource quota.\n');
  w.write(0, '\n');
  w.write(0, 'No LimitRange resource.\n');
  return w.toString();
}

const ACRONYMS = ['API', 'URL', 'UID', 'GUID', 'IP', 'ID'];

/** mirrors smartLabelFor: `holderIdentity` -> `Holder Identity`, `podIP` -> `Pod IP` */
export function smartLabelFor(field: string): string {
  if (/[^A-Za-z-]/.test(field)) return field;
  const parts = field.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|-/g) ?? [field];
  return parts
    .filter((p) => p !== '-')
    .map((p) => {
      const upper = p.toUpperCase();
      if (ACRONYMS.includes(upper)) return upper;
      return p.charAt(0).toUpperCase() + p.slice(1);
    })
    .join(' ');
}

const SKIP = new Set([
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]);

function printContent(
  w: DescribeWriter,
  level: number,
  content: Record<string, unknown>,
  prefix: string,
): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path) || value === undefined) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printContent(w, level + 1, value as Record<string, unknown>, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
          printContent(w, level + 1, child as Record<string, unknown>, path);
        } else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
  }
}

const goValue = (v: unknown): string =>
  v === null ? '<nil>' : Array.isArray(v) ? `[${v.map(goValue).join(' ')}]` : String(v);

export function describeGeneric(obj: KubeObject, inputs: DescribeInputs): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  printContent(w, 0, obj as unknown as Record<string, unknown>, '');
  describeEvents(w, inputs.events, inputs.nowMs);
  return w.toString();
}
