// Images that misbehave on purpose, so a learner can make a pod crash, hang, start slowly or fail to pull without
// writing an app. The tag carries the timing: `kubesim/crash:5s` exits with code 1 five seconds after each start.
//   kubesim/crash:<d>       exits with code 1 after d (default 5s)        -> restarts, CrashLoopBackOff
//   kubesim/complete:<d>    exits with code 0 after d (default 5s)        -> Completed, restart per restartPolicy
//   kubesim/unready         never passes its readiness probe              -> Running but never Ready
//   kubesim/hang:<d>        stops answering d after start (default 30s)   -> liveness probe restarts it
//   kubesim/slow-start:<d>  answers only d after start (default 60s)      -> needs a startupProbe
//   kubesim/does-not-exist, or any image tagged :doesnotexist / :does-not-exist / :nonexistent -> ErrImagePull
// They are also the only containers that write log lines (`kubectl logs`): one line when they start, saying what they
// will do, and one when they exit on their own (demoStartLog, demoExitLog). Every other image is silent.
import { normalizeImage } from './images';
import { formatDuration, parseDuration } from '../commands/duration';

export interface ImageBehaviour {
  crashAfterMs?: number;
  exitCode?: number;
  readinessFails?: boolean;
  hangAfterMs?: number;
  startupMs?: number;
}

const MISSING_TAGS = new Set(['doesnotexist', 'does-not-exist', 'nonexistent']);

interface RepoAndTag {
  readonly repo: string;
  readonly tag: string;
}

/** asked for every container start, probe and pull of the same few images: memoised by the image as written */
const repoAndTagMemo = new Map<string, RepoAndTag>();
const MEMO_MAX = 4096;

/** repository and tag of the normalized reference (digest dropped) */
export function repoAndTag(image: string): RepoAndTag {
  let rt = repoAndTagMemo.get(image);
  if (rt === undefined) {
    const norm = normalizeImage(image.split('@')[0] ?? image);
    const colon = norm.lastIndexOf(':');
    rt = Object.freeze({ repo: norm.slice(0, colon), tag: norm.slice(colon + 1) });
    if (repoAndTagMemo.size >= MEMO_MAX) repoAndTagMemo.clear();
    repoAndTagMemo.set(image, rt);
  }
  return rt;
}

function tagDuration(tag: string, fallbackMs: number): number {
  try {
    const ms = parseDuration(tag);
    return ms >= 0 ? ms : fallbackMs;
  } catch {
    return fallbackMs; // `latest` or any other tag: the image's default timing
  }
}

/** how a container running this image behaves; {} for every ordinary image */
export function imageBehaviour(image: string): ImageBehaviour {
  const { repo, tag } = repoAndTag(image);
  switch (repo) {
    case 'docker.io/kubesim/crash':
      return { crashAfterMs: tagDuration(tag, 5_000), exitCode: 1 };
    case 'docker.io/kubesim/complete':
      return { crashAfterMs: tagDuration(tag, 5_000), exitCode: 0 };
    case 'docker.io/kubesim/unready':
      return { readinessFails: true };
    case 'docker.io/kubesim/hang':
      return { hangAfterMs: tagDuration(tag, 30_000) };
    case 'docker.io/kubesim/slow-start':
      return { startupMs: tagDuration(tag, 60_000) };
    default:
      return {};
  }
}

/**
 * The pull error containerd returns for an image the simulated registry does not have, as the kubelet's Failed
 * event and the ErrImagePull waiting message show it; undefined when the pull succeeds.
 */
export function pullError(image: string): string | undefined {
  const { repo, tag } = repoAndTag(image);
  if (repo !== 'docker.io/kubesim/does-not-exist' && !MISSING_TAGS.has(tag)) return undefined;
  const ref = normalizeImage(image);
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
}

const DEMO_PREFIX = 'docker.io/kubesim/';

/** the line a demo image writes when it starts; undefined for every other image */
export function demoStartLog(image: string): string | undefined {
  const { repo } = repoAndTag(image);
  if (!repo.startsWith(DEMO_PREFIX)) return undefined;
  const name = `kubesim/${repo.slice(DEMO_PREFIX.length)}`;
  const b = imageBehaviour(image);
  switch (repo) {
    case 'docker.io/kubesim/crash':
      return `${name}: started, exiting with code ${b.exitCode ?? 1} in ${formatDuration(b.crashAfterMs ?? 0)}`;
    case 'docker.io/kubesim/complete':
      return `${name}: started, finishing its work in ${formatDuration(b.crashAfterMs ?? 0)}`;
    case 'docker.io/kubesim/unready':
      return `${name}: started; it will never report ready`;
    case 'docker.io/kubesim/hang':
      return `${name}: started; it stops answering ${formatDuration(b.hangAfterMs ?? 0)} from now`;
    case 'docker.io/kubesim/slow-start':
      return `${name}: starting; it answers ${formatDuration(b.startupMs ?? 0)} from now`;
    default:
      return undefined;
  }
}

/** the line a demo image writes when it exits on its own with exitCode; undefined for every other image */
export function demoExitLog(image: string, exitCode: number): string | undefined {
  const { repo } = repoAndTag(image);
  if (!repo.startsWith(DEMO_PREFIX) || imageBehaviour(image).crashAfterMs === undefined) return undefined;
  const name = `kubesim/${repo.slice(DEMO_PREFIX.length)}`;
  return exitCode === 0 ? `${name}: done, exiting with code 0` : `${name}: exiting with code ${exitCode}`;
}
