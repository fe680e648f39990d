// How kubectl prints a Status error from the server (k8s.io/kubectl/pkg/cmd/util/helpers.go standardErrorMessage):
// Invalid errors as `The Deployment "web" is invalid: ...` (bullets when several), others as `Error from server (Reason): ...`.
import type { Status } from '../apiserver/types';
import { formatInvalidForKubectl } from '../apiserver/errors';

export function formatStatusError(status: Status): string {
  if (status.reason === 'Invalid' && status.details?.kind) return formatInvalidForKubectl(status);
  // a Status without a reason (ErrorToAPIStatus of a plain error, StatusReasonUnknown)
  if (!status.reason) return `Error from server: ${status.message}`;
  return `Error from server (${status.reason}): ${status.message}`;
}
