// The simulated application inside a pod's containers, read from annotations: when it crashes, with which exit
// code, whether its readiness probe fails, and how long it takes to stop on SIGTERM.
import { parseDuration } from '../commands/duration';
import { imageBehaviour } from './demoImages';

export const CRASH_AFTER_ANNOTATION = 'kubesim.io/crash-after';
export const EXIT_CODE_ANNOTATION = 'kubesim.io/exit-code';
/** comma-separated container names the crash applies to (default: every app container) */
export const CRASH_CONTAINERS_ANNOTATION = 'kubesim.io/crash-containers';
export const STOP_DELAY_ANNOTATION = 'kubesim.io/stop-delay';
/** 'fail': the readiness probe never succeeds */
export const READINESS_ANNOTATION = 'kubesim.io/readiness';

export interface AppModel {
  /** each run of an affected container exits this long after it started */
  crashAfterMs?: number;
  exitCode: number;
  crashContainers?: ReadonlySet<string>;
  /** how long the process takes to exit after SIGTERM */
  stopDelayMs?: number;
  readinessFails: boolean;
}

function durationOrUndefined(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  try {
    const ms = parseDuration(text.trim());
    return ms >= 0 ? ms : undefined;
  } catch {
    return undefined; // a malformed annotation means "no such behaviour", as unknown annotations are ignored
  }
}

export function appModelOf(annotations: Readonly<Record<string, string>> | undefined): AppModel {
  const a = annotations ?? {};
  const exit = Number(a[EXIT_CODE_ANNOTATION]);
  const names = a[CRASH_CONTAINERS_ANNOTATION];
  const model: AppModel = {
    exitCode: Number.isInteger(exit) && exit >= 0 && exit <= 255 ? exit : 1,
    readinessFails: a[READINESS_ANNOTATION] === 'fail',
  };
  const crash = durationOrUndefined(a[CRASH_AFTER_ANNOTATION]);
  if (crash !== undefined) model.crashAfterMs = crash;
  if (names) model.crashContainers = new Set(names.split(',').map((s) => s.trim()));
  const stop = durationOrUndefined(a[STOP_DELAY_ANNOTATION]);
  if (stop !== undefined) model.stopDelayMs = stop;
  return model;
}

/** when a fresh run of container `name` crashes, in ms after its start; undefined: it keeps running */
export function crashDelayMs(app: AppModel, name: string): number | undefined {
  if (app.crashAfterMs === undefined) return undefined;
  if (app.crashContainers && !app.crashContainers.has(name)) return undefined;
  return app.crashAfterMs;
}

/** what one container's app does: the pod's kubesim.io annotations first, then its image (demoImages.ts) */
export interface ContainerBehaviour {
  crashAfterMs?: number;
  exitCode: number;
  readinessFails: boolean;
  /** the app stops answering (probes time out) this long after each start */
  hangAfterMs?: number;
  /** the app answers only this long after each start */
  startupMs: number;
}

export function containerBehaviour(app: AppModel, name: string, image: string): ContainerBehaviour {
  const img = imageBehaviour(image);
  const annotated = crashDelayMs(app, name);
  const b: ContainerBehaviour = {
    exitCode: annotated !== undefined ? app.exitCode : (img.exitCode ?? app.exitCode),
    readinessFails: app.readinessFails || img.readinessFails === true,
    startupMs: img.startupMs ?? 0,
  };
  const crashAfterMs = annotated ?? img.crashAfterMs;
  if (crashAfterMs !== undefined) b.crashAfterMs = crashAfterMs;
  if (img.hangAfterMs !== undefined) b.hangAfterMs = img.hangAfterMs;
  return b;
}
