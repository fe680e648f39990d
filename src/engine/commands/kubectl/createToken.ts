// `kubectl create token SERVICE_ACCOUNT [--duration=1h] [--audience=A]...` (kubectl create_token.go): a TokenRequest
// against serviceaccounts/token, printing the bound JWT the API server signs (pkg/registry/core/serviceaccount/storage/token.go).
import type { Rng } from '../../sim/types';
import { EPOCH_UNIX_DAYS } from '../../sim/clock';
import { boundToken } from '../../controllers/serviceaccount/index';
import { parseDuration } from '../duration';
import type { CommandSpec } from '../types';
import { fail } from '../types';
import { StatusError } from '../../apiserver/types';

/** TokenRequestSpec defaulting (SetDefaults_TokenRequestSpec): an hour */
const DEFAULT_EXPIRATION_SECONDS = 3600;
/** ValidateTokenRequest: "may not specify a duration less than 10 minutes" */
const MIN_EXPIRATION_SECONDS = 600;

const jtiStreams = new WeakMap<Rng, Rng>();
function jtiStream(root: Rng): Rng {
  let r = jtiStreams.get(root);
  if (!r) jtiStreams.set(root, (r = root.fork('apiserver/TokenRequest')));
  return r;
}

export const createTokenCommand: CommandSpec = {
  path: ['create', 'token'],
  summary: 'Request a service account token',
  flags: [
    { name: 'namespace', short: 'n', type: 'string', default: 'default' },
    { name: 'duration', type: 'string' },
    { name: 'audience', type: 'stringArray' },
  ],
  run(args, { rt }) {
    const name = args.positionals[0];
    if (!name || args.positionals.length > 1)
      return fail(`error: exactly one NAME is required, got ${args.positionals.length}\n`);
    const ns = args.string('namespace') ?? 'default';
    let durationMs: number;
    try {
      durationMs = parseDuration(args.string('duration') ?? '0s');
    } catch (e) {
      return fail(
        `error: invalid argument "${args.string('duration')}" for "--duration" flag: ${(e as Error).message}\n`,
      );
    }
    if (durationMs < 0) return fail('error: --duration must be greater than or equal to 0\n');
    if (durationMs % 1000 !== 0)
      return fail('error: --duration cannot be expressed in units less than seconds\n');
    const audiences = args.strings('audience');
    if (audiences.some((a) => a === '')) return fail('error: --audience must not be an empty string\n');
    const expirationSeconds = durationMs > 0 ? durationMs / 1000 : DEFAULT_EXPIRATION_SECONDS;
    let sa;
    try {
      sa = rt.api.get('serviceaccounts', ns, name);
    } catch (e) {
      if (e instanceof StatusError) return fail(`error: failed to create token: ${e.status.message}\n`);
      throw e;
    }
    if (expirationSeconds < MIN_EXPIRATION_SECONDS)
      return fail(
        `error: failed to create token: TokenRequest.authentication.k8s.io "${name}" is invalid: spec.expirationSeconds: Invalid value: ${expirationSeconds}: may not specify a duration less than 10 minutes\n`,
      );
    const issuedAt = EPOCH_UNIX_DAYS * 86400 + Math.floor(rt.sim.clock.nowMs() / 1000);
    const token = boundToken(rt.sim.rng, {
      sa: { namespace: ns, name, uid: sa.metadata.uid ?? '' },
      issuedAt,
      expirationSeconds,
      jti: jtiStream(rt.sim.rng).uuid(),
      ...(audiences.length > 0 ? { audiences } : {}),
    });
    return { code: 0, stdout: `${token}\n`, stderr: '' };
  },
};
