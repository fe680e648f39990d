// Go error values as kubectl commands return them, and how cmdutil.CheckErr prints them on stderr.
// mirrors k8s.io/apimachinery/pkg/util/errors/errors.go (NewAggregate, aggregate.Error/visit) and
// k8s.io/kubectl/pkg/cmd/util/helpers.go (checkErr, MultipleErrors, messageForError, StandardErrorMessage).
import { StatusError } from '../../apiserver/types';
import { formatInvalidForKubectl } from '../../apiserver/errors';

/** a Go `error`: a plain message (fmt.Errorf / errors.New), an API Status error, or an aggregate of errors */
export type GoError = string | StatusError | Aggregate;

/** utilerrors.aggregate: never empty (NewAggregate returns nil for that) */
export class Aggregate {
  constructor(readonly errors: readonly GoError[]) {}
}

/** utilerrors.NewAggregate: undefined (Go's nil) for an empty list */
export function newAggregate(errs: readonly GoError[]): Aggregate | undefined {
  return errs.length === 0 ? undefined : new Aggregate(errs);
}

/** aggregate.visit: nested aggregates are walked through */
function visit(agg: Aggregate, f: (e: GoError) => void): void {
  for (const e of agg.errors) {
    if (e instanceof Aggregate) visit(e, f);
    else f(e);
  }
}

/** err.Error(); an aggregate of several is `[a, b]`, flattened, each distinct message once */
export function errorText(err: GoError): string {
  if (typeof err === 'string') return err;
  if (err instanceof StatusError) return err.status.message;
  if (err.errors.length === 1) return errorText(err.errors[0] as GoError);
  const seen: string[] = [];
  visit(err, (e) => {
    const msg = errorText(e);
    if (!seen.includes(msg)) seen.push(msg);
  });
  return seen.length === 1 ? (seen[0] as string) : `[${seen.join(', ')}]`;
}

/** StandardErrorMessage: API Status errors in kubectl's words; undefined for errors it does not recognise */
function standardErrorMessage(err: GoError): string | undefined {
  if (!(err instanceof StatusError)) return undefined;
  const s = err.status;
  if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message})`;
  if (s.reason) return `Error from server (${s.reason}): ${s.message}`;
  return `Error from server: ${s.message}`;
}

/** messageForError */
const messageForError = (err: GoError) => standardErrorMessage(err) ?? errorText(err);

/** MultipleErrors(prefix, errs): one line per error */
export function multipleErrors(prefix: string, errs: readonly GoError[]): string {
  return errs.map((e) => `${prefix}${messageForError(e)}\n`).join('');
}

/**
 * checkErr: what CheckErr writes to stderr (ending in a newline), or '' for nil. An aggregate of one is unwrapped
 * once; an aggregate prints one error per line with no `error: ` prefix; other unrecognised errors get the prefix.
 */
export function checkErr(err: GoError | undefined): string {
  if (err instanceof Aggregate && err.errors.length === 1) err = err.errors[0];
  if (err === undefined) return '';
  let msg: string;
  if (err instanceof StatusError && err.status.reason === 'Invalid') {
    msg = err.status.details
      ? formatInvalidForKubectl(err.status)
      : `The request is invalid${err.status.message ? `: ${err.status.message}` : ''}`;
  } else if (err instanceof Aggregate) {
    msg = multipleErrors('', err.errors);
  } else {
    const text = errorText(err);
    msg = standardErrorMessage(err) ?? (text.startsWith('error: ') ? text : `error: ${text}`);
  }
  return msg.endsWith('\n') ? msg : `${msg}\n`;
}
