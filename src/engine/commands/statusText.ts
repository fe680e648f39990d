// How kubectl prints a Status error from the server (k8s.io/kubectl/pkg/cmd/util/helpers.go standardErrorMessage).
import type { Status } from '../apiserver/types';

export function formatStatusError(status: Status): string {
  // Invalid errors print their own multi-line message without the "Error from server" prefix
  if (status.reason === 'Invalid') return status.message;
  return `Error from server (${status.reason}): ${status.message}`;
}
