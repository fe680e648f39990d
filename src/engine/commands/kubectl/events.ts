// `kubectl events [--for TYPE/NAME] [--types Warning] [-A]`: mirrors kubectl/pkg/cmd/events/events.go
// (Validate, Run: field selector on involvedObject, type filter, "No events found in X namespace.").
import type { Event } from 'kubernetes-types/core/v1';
import type { CommandContext, CommandResult, CommandSpec } from '../types';
import type { ParsedArgs } from '../args';
import { apiVersionOf } from '../../apiserver/types';
import { commandNamespace } from '../resourceName';
import { printEventsTable } from '../printers/eventsTable';

function runEvents(args: ParsedArgs, ctx: CommandContext): CommandResult {
  const types = args
    .strings('types')
    .flatMap((t) => t.split(','))
    .filter((t) => t !== '');
  for (const t of types) {
    if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') {
      return { code: 1, stdout: '', stderr: 'error: valid --types are Normal or Warning\n' };
    }
  }
  const api = ctx.rt.api;
  const allNamespaces = args.bool('all-namespaces');
  const namespace = commandNamespace(args.string('namespace'));
  let forKind: string | undefined;
  let forApiVersion: string | undefined;
  let forName: string | undefined;
  const forObject = args.string('for');
  if (forObject) {
    const parts = forObject.split('/');
    if (parts.length !== 2) {
      return {
        code: 1,
        stdout: '',
        stderr: 'error: arguments in resource/name form may not have more than one slash\n',
      };
    }
    let info;
    try {
      info = api.resolve((parts[0] as string).toLowerCase());
    } catch {
      return {
        code: 1,
        stdout: '',
        stderr: `error: the server doesn't have a resource type "${parts[0] as string}"\n`,
      };
    }
    forKind = info.kind;
    forApiVersion = apiVersionOf(info);
    forName = parts[1];
  }
  const list = api.list('events', allNamespaces ? undefined : namespace, {
    fieldSelector: forName ? `involvedObject.name=${forName}` : undefined,
  });
  const events = (list.items as unknown as Event[]).filter((e) => {
    if (types.length > 0 && !types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase()))
      return false;
    if (forName === undefined) return true;
    const io = e.involvedObject;
    return (
      io?.name === forName &&
      io.kind === forKind &&
      (io.apiVersion === undefined || io.apiVersion === forApiVersion)
    );
  });
  if (events.length === 0) {
    return {
      code: 0,
      stdout: '',
      stderr: allNamespaces ? 'No events found.\n' : `No events found in ${namespace} namespace.\n`,
    };
  }
  const stdout = printEventsTable(events, ctx.rt.sim.clock.nowMs(), {
    allNamespaces,
    noHeaders: args.bool('no-headers'),
  });
  return { code: 0, stdout, stderr: '' };
}

export const eventsCommand: CommandSpec = {
  path: ['events'],
  summary: 'List events',
  flags: [
    { name: 'namespace', short: 'n', type: 'string' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'for', type: 'string' },
    { name: 'types', type: 'stringArray' },
    { name: 'no-headers', type: 'bool' },
  ],
  run: runEvents,
};
