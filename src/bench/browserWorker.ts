// Web Worker entry of the browser bench: runs one rollout case by name and posts its figures back.
import { rolloutCases } from './rolloutCases';

type Request = { caseName: string };

self.onmessage = (e: MessageEvent<Request>) => {
  const c = rolloutCases.find((x) => x.name === e.data.caseName);
  if (!c) {
    self.postMessage({ error: `no such case: ${e.data.caseName}` });
    return;
  }
  self.postMessage({ result: c.run(() => performance.now()) });
};
