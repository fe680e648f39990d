// The -o flag of `kubectl rollout history` and `rollout undo`: genericclioptions.PrintFlags (json, yaml, name and
// jsonpath; go-template is not simulated) and its name printer, which appends the operation when -o is not given.
// mirrors k8s.io/cli-runtime pkg/genericclioptions print_flags.go ToPrinter/AllowedFormats, name_flags.go,
// json_yaml_flags.go (managedFields omitted) and pkg/printers name.go, yaml.go (`---` between the objects one
// printer prints) and json.go.
import type { FlagSpec, ParsedArgs } from '../args';
import type { KubeObject } from '../../types/object';
import { parseOutputFormat, printStructured, type OutputFormat } from '../printers/output';
import { kindPrefix } from '../printers/format';

/** PrintFlags.AllowedFormats, sorted as NoCompatiblePrinterError prints them */
const ALLOWED =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

export const printFlagsOutputFlag: FlagSpec = {
  name: 'output',
  short: 'o',
  type: 'string',
  help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
};

export const showManagedFieldsFlag: FlagSpec = {
  name: 'show-managed-fields',
  type: 'bool',
  help: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
};

/** prints one object; a printer may remember what it printed before (the YAML separator) */
export type ResourcePrinter = (obj: KubeObject) => string;

/** PrintFlags.OutputFlagSpecified: -o was given, even as an empty string */
export const outputFlagSpecified = (args: ParsedArgs): boolean => args.has('output');

/** NoCompatiblePrinterError */
const unmatched = (format: string) =>
  new Error(
    `unable to match a printer suitable for the output format "${format}", allowed formats are: ${ALLOWED}`,
  );

/** printers.OmitManagedFieldsPrinter */
function omitManagedFields(obj: KubeObject): KubeObject {
  if (obj.metadata.managedFields === undefined) return obj;
  const { managedFields: _omitted, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/** printers.NamePrinter: `kind.group/name`, then ` operation` unless -o name (ShortOutput) */
function namePrinter(operation: string): ResourcePrinter {
  const op = operation.length > 0 ? ` ${operation}` : '';
  return (obj) => `${kindPrefix(obj.apiVersion, obj.kind)}/${obj.metadata.name || '<unknown>'}${op}\n`;
}

/**
 * PrintFlags.ToPrinter for the -o given (none: the name printer with the operation). Throws kubectl's error text
 * (without `error: `) for a format no printer takes.
 */
export function toPrinter(args: ParsedArgs, operation: string): ResourcePrinter {
  const format = args.string('output') ?? '';
  const lower = format.toLowerCase();
  if (lower === '') return namePrinter(operation);
  if (lower === 'name') return namePrinter('');
  if (lower === 'json' || lower === 'yaml') {
    const showManaged = args.bool('show-managed-fields');
    let printed = 0;
    return (obj) => {
      const sep = lower === 'yaml' && printed++ > 0 ? '---\n' : '';
      return (
        sep + printStructured([showManaged ? obj : omitManagedFields(obj)], { kind: lower }, true, false)
      );
    };
  }
  // the template printers: only jsonpath is simulated; `wide` and custom-columns are get's, not PrintFlags'
  if (lower === 'wide' || lower.startsWith('custom-columns')) throw unmatched(format);
  let fmt: OutputFormat;
  try {
    fmt = parseOutputFormat(format);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('unable to match a printer')) throw unmatched(format);
    throw e;
  }
  if (fmt.kind !== 'jsonpath') throw unmatched(format);
  const jsonpath = fmt;
  return (obj) => printStructured([obj], jsonpath, true, false);
}
