// The -o/--output flag: which printer kubectl picks, and printing objects with it (non-table formats).
// mirrors kubectl/pkg/cmd/get/get_flags.go (allowed formats and their error text) and cli-runtime's printers.
import type { KubeObject } from '../../types/object';
import type { JsonValue } from '../../types/json';
import { asList, printJson, printYaml, sortKeysDeep } from './jsonOutput';
import { executeJsonPath, JsonPathError, parseJsonPath } from './jsonpath';
import { jsonPathValues } from './jsonpathEval';
import { goFmtV, parseCustomColumns, printCustomColumns, type CustomColumn } from './customColumns';
import { kindPrefix } from './format';

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'name' }
  | { kind: 'json' }
  | { kind: 'yaml' }
  | { kind: 'jsonpath'; template: string; asJson: boolean }
  | { kind: 'custom-columns'; columns: CustomColumn[] };

const ALLOWED =
  'custom-columns, custom-columns-file, go-template, go-template-file, json, jsonpath, jsonpath-as-json, jsonpath-file, name, template, templatefile, wide, yaml';

/** parse -o; throws Error carrying kubectl's message (without the `error: ` prefix) */
export function parseOutputFormat(o: string | undefined): OutputFormat {
  if (o === undefined || o === '') return { kind: 'table', wide: false };
  if (o === 'wide') return { kind: 'table', wide: true };
  if (o === 'name' || o === 'json' || o === 'yaml') return { kind: o };
  const eq = o.indexOf('=');
  const fmt = eq < 0 ? o : o.slice(0, eq);
  const arg = eq < 0 ? '' : o.slice(eq + 1);
  if (fmt === 'jsonpath' || fmt === 'jsonpath-as-json') {
    if (arg === '') throw new Error('template format specified but no template given');
    try {
      parseJsonPath(arg);
    } catch (e) {
      throw new Error(`error parsing jsonpath ${arg}, ${(e as Error).message}`, { cause: e });
    }
    return { kind: 'jsonpath', template: arg, asJson: fmt === 'jsonpath-as-json' };
  }
  if (fmt === 'custom-columns') return { kind: 'custom-columns', columns: parseCustomColumns(arg) };
  throw new Error(
    `unable to match a printer suitable for the output format "${o}", allowed formats are: ${ALLOWED}`,
  );
}

/** `kind.group/name` lines (-o name) */
export function printNames(objs: readonly KubeObject[]): string {
  return objs.map((o) => `${kindPrefix(o.apiVersion, o.kind)}/${o.metadata.name ?? ''}\n`).join('');
}

/** -o jsonpath / jsonpath-as-json, with client-go's execution error text */
function runJsonPath(template: string, asJson: boolean, data: JsonValue): string {
  try {
    return asJson ? printJson(jsonPathValues(template, data)) : executeJsonPath(template, data);
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    throw new Error(
      `error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\t${goFmtV(data)}\n\n`,
      { cause: e },
    );
  }
}

/**
 * Print objects with a non-table format. singleItem: the command named exactly one object, so it prints bare
 * rather than inside a List (get.go printGeneric).
 */
export function printStructured(
  objs: readonly KubeObject[],
  fmt: Exclude<OutputFormat, { kind: 'table' }>,
  singleItem: boolean,
  noHeaders: boolean,
): string {
  const data: JsonValue = singleItem && objs.length === 1 ? sortKeysDeep(objs[0]) : asList(objs);
  switch (fmt.kind) {
    case 'name':
      return printNames(objs);
    case 'json':
      return printJson(data);
    case 'yaml':
      return printYaml(data);
    case 'custom-columns':
      return printCustomColumns(objs, fmt.columns, noHeaders);
    case 'jsonpath':
      return runJsonPath(fmt.template, fmt.asJson, data);
  }
}
