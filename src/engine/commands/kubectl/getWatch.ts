// `kubectl get --watch / --watch-only [--output-watch-events]`: list, then print every change the watch delivers.
// mirrors kubectl/pkg/cmd/get/get.go (GetOptions.watch) and cli-runtime's printers: the list is one tabwriter flush,
// each watch event another, with tabwriter.RememberWidths so a column only ever widens; --output-watch-events adds the
// EVENT column (tableprinter.go formattedEventType). Real kubectl watches until interrupted; kubesim runs virtual
// time until the cluster has nothing left to do (what `sim settle` waits for), or for --request-timeout exactly.
import type { CommandContext, CommandResult } from '../types';
import { fail } from '../types';
import type { ParsedArgs } from '../args';
import type { ResourceInfo, WatchEvent } from '../../apiserver/types';
import type { KubeObject } from '../../types/object';
import type { JsonValue } from '../../types/json';
import type { OutputFormat } from '../printers/output';
import { printNames, printStructured } from '../printers/output';
import { goJson, printYaml } from '../printers/jsonOutput';
import { customColumnRows } from '../printers/customColumns';
import { tableRows } from '../printers/table';
import { printerForKind } from '../printers/columns/index';
import { alignColumns } from '../printers/tabwriter';
import { stoppedNote, WAIT_FOREVER_CAP_MS } from './waitCap';
import { fetchResources, qualified, withTypeMeta, type ResourceRequest } from './resourceArgs';
import { NO_RESOURCES_MESSAGE } from './writeTargets';

type EventType = WatchEvent['type'];

/** tableprinter.go formattedEventType: the EVENT cells are padded to one width */
const EVENT_CELL: Record<EventType, string> = {
  ADDED: 'ADDED   ',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED ',
  ERROR: 'ERROR   ',
  BOOKMARK: 'BOOKMARK',
};

export interface WatchRequest {
  requests: readonly ResourceRequest[];
  /** --request-timeout in ms; 0: none */
  timeoutMs: number;
  fmt: OutputFormat;
  namespace: string;
  allNamespaces: boolean;
}

/** prints objects the way one kubectl printer does across calls: headers once, widths remembered, YAML separators */
class WatchPrinter {
  private printedHeaders = false;
  private printedDocs = 0;
  private readonly widths: number[] = [];

  constructor(
    private readonly fmt: OutputFormat,
    private readonly info: ResourceInfo,
    private readonly args: ParsedArgs,
    private readonly allNamespaces: boolean,
    private readonly withEvents: boolean,
  ) {}

  /** one flush: the given objects (each with its event type), as text */
  print(items: readonly { type: EventType; obj: KubeObject }[], nowMs: number): string {
    if (items.length === 0) return '';
    const fmt = this.fmt;
    const noHeaders = this.args.bool('no-headers');
    if (fmt.kind === 'table' || fmt.kind === 'custom-columns') {
      const objs = items.map((i) => i.obj);
      const header = !noHeaders && !this.printedHeaders;
      const rows =
        fmt.kind === 'table'
          ? tableRows(objs, printerForKind(this.info.kind), {
              nowMs,
              wide: fmt.wide,
              noHeaders: !header,
              withNamespace: this.allNamespaces && this.info.namespaced,
              withKind: this.args.bool('show-kind'),
              showLabels: this.args.bool('show-labels'),
              labelColumns: this.args
                .strings('label-columns')
                .flatMap((l) => l.split(','))
                .filter((l) => l !== ''),
            })
          : customColumnRows(
              this.withEvents ? items.map((i) => eventObject(i.type, i.obj) as unknown as KubeObject) : objs,
              fmt.columns,
              !header,
            );
      if (fmt.kind === 'table' && this.withEvents) {
        const offset = header ? 1 : 0;
        if (header) rows[0]?.unshift('EVENT');
        items.forEach((it, i) => rows[i + offset]?.unshift(EVENT_CELL[it.type]));
      }
      this.printedHeaders = true;
      return alignColumns(rows, undefined, this.widths);
    }
    let out = '';
    for (const { type, obj } of items) {
      const value: KubeObject | JsonValue = this.withEvents ? eventObject(type, obj) : obj;
      if (fmt.kind === 'name') out += printNames([obj]);
      else if (fmt.kind === 'json')
        out += this.withEvents ? `${eventJson(type, obj)}\n` : printStructured([obj], fmt, true, noHeaders);
      else if (fmt.kind === 'yaml') {
        if (this.printedDocs++ > 0) out += '---\n';
        out += printYaml(value);
      } else out += printStructured([value as KubeObject], fmt, true, noHeaders);
    }
    return out;
  }
}

/** metav1.WatchEvent as kubectl prints it with --output-watch-events */
function eventObject(type: EventType, obj: KubeObject): JsonValue {
  return { type, object: obj as unknown as JsonValue };
}

/** json.MarshalIndent of a typed metav1.WatchEvent: its fields in struct order (type, object), the object sorted */
function eventJson(type: EventType, obj: KubeObject): string {
  const inner = goJson(obj, true).replace(/\n/g, '\n    ');
  return `{\n    "type": ${JSON.stringify(type)},\n    "object": ${inner}\n}`;
}

export function runGetWatch(args: ParsedArgs, ctx: CommandContext, w: WatchRequest): CommandResult {
  const { requests, fmt, timeoutMs } = w;
  let stderr = '';
  if (args.string('sort-by')) {
    stderr += args.bool('watch')
      ? 'warning: --watch requested, --sort-by will be ignored for watch events received\n'
      : 'warning: --watch-only requested, --sort-by will be ignored\n';
  }
  if (args.positionals.length === 0) return fail(`${stderr}error: ${NO_RESOURCES_MESSAGE}\n`);
  if (requests.length > 1) return fail(`${stderr}error: you may only specify a single resource type\n`);
  const req = requests[0];
  if (!req) return fail(`${stderr}error: ${NO_RESOURCES_MESSAGE}\n`);
  const api = ctx.rt.api;
  const clock = ctx.rt.sim.clock;
  const ns = req.info.namespaced && !w.allNamespaces ? w.namespace : undefined;
  const labelSelector = args.string('selector') || undefined;
  const fieldSelector = args.string('field-selector') || undefined;
  const { fetched, errors } = fetchResources(api, [req], { namespace: ns, labelSelector, fieldSelector });
  if (errors.length > 0) {
    const shown = args.bool('ignore-not-found')
      ? errors.filter((e) => !e.startsWith('Error from server (NotFound)'))
      : errors;
    return {
      code: shown.length > 0 ? 1 : 0,
      stdout: '',
      stderr: stderr + shown.map((e) => `${e}\n`).join(''),
    };
  }
  const withEvents = args.bool('output-watch-events');
  const printer = new WatchPrinter(fmt, req.info, args, w.allNamespaces, withEvents);
  const initial = fetched.flatMap((f) => f.objects);
  // outputObjects := !WatchOnly: --watch-only wins when both are given
  let stdout = !args.bool('watch-only')
    ? printer.print(
        initial.map((obj) => ({ type: 'ADDED' as const, obj })),
        clock.nowMs(),
      )
    : '';
  // Result.Watch: one source per name (resource.Builder visits each name on its own)
  if (req.names.length > 1)
    return fail(
      `${stderr}error: you may only watch a single resource or type of resource at a time\n`,
      stdout,
    );

  const name = req.names[0];
  const watch = api.watch(
    qualified(req.info),
    ns,
    { labelSelector, fieldSelector: name === undefined ? fieldSelector : `metadata.name=${name}` },
    (ev) => {
      stdout += printer.print([{ type: ev.type, obj: withTypeMeta(ev.object, req.info) }], clock.nowMs());
    },
  );
  const start = clock.nowMs();
  let note: string;
  try {
    if (timeoutMs > 0) {
      ctx.rt.sim.advance(timeoutMs);
      note = '';
    } else {
      const settled = ctx.rt.sim.settle(WAIT_FOREVER_CAP_MS).settled;
      note = stoppedNote('watching', clock.nowMs() - start, settled);
    }
  } finally {
    watch.cancel();
  }
  return { code: 0, stdout, stderr: stderr + note };
}
