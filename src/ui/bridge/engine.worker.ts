// The engine's home in the browser: a Web Worker hosting one simulated cluster (see engineHost.ts).
import { createEngineHost } from './engineHost';
import type { FromWorker, ToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = createEngineHost(
  (msg: FromWorker) => scope.postMessage(msg),
  (fn) => queueMicrotask(fn),
);

scope.onmessage = (ev: MessageEvent<ToWorker>) => host.handle(ev.data);
