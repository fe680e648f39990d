// Status error constructors, mirroring k8s.io/apimachinery/pkg/api/errors/errors.go, and kubectl's way of printing Invalid.
import type { FieldError } from './fieldErrors';
import { causeReason, errorBody, errorText } from './fieldErrors';
import type { ResourceInfo, Status, StatusCause } from './types';
import { StatusError, qualifiedResource } from './types';

type GroupResource = Pick<ResourceInfo, 'group' | 'plural'>;

/** a Failure Status error with the given code, reason, message and details */
export function status(
  code: number,
  reason: string,
  message: string,
  details?: Status['details'],
): StatusError {
  const s: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  };
  if (details) s.details = details;
  return new StatusError(s);
}

function grDetails(gr: GroupResource, name?: string): NonNullable<Status['details']> {
  const d: NonNullable<Status['details']> = { kind: gr.plural };
  if (gr.group) d.group = gr.group;
  if (name) d.name = name;
  return d;
}

/** Go's %q for the plain names used in messages */
function q(s: string): string {
  return JSON.stringify(s);
}

/** errors.NewNotFound: `deployments.apps "web" not found` */
export function newNotFound(gr: GroupResource, name: string): StatusError {
  return status(404, 'NotFound', `${qualifiedResource(gr)} ${q(name)} not found`, grDetails(gr, name));
}

/** errors.NewAlreadyExists: `deployments.apps "web" already exists` */
export function newAlreadyExists(gr: GroupResource, name: string): StatusError {
  return status(
    409,
    'AlreadyExists',
    `${qualifiedResource(gr)} ${q(name)} already exists`,
    grDetails(gr, name),
  );
}

export const OBJECT_MODIFIED =
  'the object has been modified; please apply your changes to the latest version and try again';

/** errors.NewConflict: `Operation cannot be fulfilled on deployments.apps "web": <why>` */
export function newConflict(gr: GroupResource, name: string, why: string = OBJECT_MODIFIED): StatusError {
  return status(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(gr)} ${q(name)}: ${why}`,
    grDetails(gr, name),
  );
}

/** utilerrors aggregate Error(): one message bare, several (deduplicated) as `[a, b]` */
export function aggregateText(messages: readonly string[]): string {
  const seen = [...new Set(messages)];
  if (seen.length === 1) return seen[0] as string;
  return `[${seen.join(', ')}]`;
}

/** errors.NewInvalid: `Deployment.apps "web" is invalid: <ToAggregate()>` with one cause per field error */
export function newInvalid(
  kind: Pick<ResourceInfo, 'group' | 'kind'>,
  name: string,
  errs: readonly FieldError[],
): StatusError {
  const causes: StatusCause[] = errs.map((e) => ({
    reason: causeReason(e.type),
    message: errorBody(e),
    field: e.field,
  }));
  const qualifiedKind = kind.group ? `${kind.kind}.${kind.group}` : kind.kind;
  const message =
    errs.length === 0
      ? `${qualifiedKind} ${q(name)} is invalid`
      : `${qualifiedKind} ${q(name)} is invalid: ${aggregateText(errs.map(errorText))}`;
  const details: NonNullable<Status['details']> = { kind: kind.kind, name, causes };
  if (kind.group) details.group = kind.group;
  return status(422, 'Invalid', message, details);
}

/**
 * How kubectl prints a 422 (kubectl/pkg/cmd/util/helpers.go checkErr + MultilineError):
 * `The Deployment "web" is invalid: <field>: <msg>` for one cause; for several, the prefix line then `* <cause>` lines.
 */
export function formatInvalidForKubectl(s: Status): string {
  const d = s.details;
  if (!d) return 'The request is invalid';
  let prefix = 'The request is invalid';
  if (d.kind || d.name) prefix = `The ${d.kind ?? ''} ${q(d.name ?? '')} is invalid`;
  const causes = d.causes ?? [];
  if (causes.length === 0) return prefix;
  const lines = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
  if (lines.length === 1) return `${prefix}: ${lines[0]}`;
  return `${prefix}: \n${lines.map((l) => `* ${l}`).join('\n')}`;
}

/** errors.NewBadRequest */
export function newBadRequest(message: string): StatusError {
  return status(400, 'BadRequest', message);
}

/** errors.NewResourceExpired (410, reason Expired): `too old resource version: 5 (10)` */
export function newGone(requested: string | number, oldest: number): StatusError {
  return status(410, 'Expired', `too old resource version: ${requested} (${oldest})`);
}

/** errors.NewForbidden: `pods "web" is forbidden: <why>` (`pods is forbidden: ...` without a name) */
export function newForbidden(gr: GroupResource, name: string, why: string): StatusError {
  const message = name
    ? `${qualifiedResource(gr)} ${q(name)} is forbidden: ${why}`
    : `${qualifiedResource(gr)} is forbidden: ${why}`;
  return status(403, 'Forbidden', message, grDetails(gr, name));
}

/** errors.NewMethodNotSupported: `<action> is not supported on resources of kind "events"` */
export function newMethodNotAllowed(gr: GroupResource, action: string): StatusError {
  return status(
    405,
    'MethodNotAllowed',
    `${action} is not supported on resources of kind ${q(qualifiedResource(gr))}`,
    grDetails(gr),
  );
}

/** the 404 a missing subresource or path gets */
export function newNoSuchResource(): StatusError {
  return status(404, 'NotFound', 'the server could not find the requested resource');
}

/** errors.NewInternalError */
export function newInternalError(message: string): StatusError {
  return status(500, 'InternalError', `Internal error occurred: ${message}`);
}

const NAMESPACES: GroupResource = { group: '', plural: 'namespaces' };

/** what NamespaceLifecycle returns for a missing namespace: `namespaces "foo" not found` */
export function newNamespaceNotFound(namespace: string): StatusError {
  return newNotFound(NAMESPACES, namespace);
}

/**
 * NamespaceLifecycle's refusal (plugin/pkg/admission/namespace/lifecycle): admission.NewForbidden names the object
 * (its name, else its generateName) and adds a NamespaceTerminating cause.
 */
export function newNamespaceTerminating(gr: GroupResource, name: string, namespace: string): StatusError {
  const err = newForbidden(
    gr,
    name,
    `unable to create new content in namespace ${namespace} because it is being terminated`,
  );
  const details = err.status.details ?? {};
  details.causes = [
    {
      reason: 'NamespaceTerminating',
      message: `namespace ${namespace} is being terminated`,
      field: 'metadata.namespace',
    },
  ];
  err.status.details = details;
  return err;
}

/** true when err is a StatusError with this reason */
export function hasReason(err: unknown, reason: string): boolean {
  return err instanceof StatusError && err.status.reason === reason;
}
