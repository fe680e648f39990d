// Browser bench: runs the rollout cases in a Web Worker in Debian's Chromium, the runtime the app ships to.
// The worker is bundled and minified by Vite as the app's is; each case gets a fresh worker (a fresh V8
// isolate), so its first rollout pays the same JIT warm-up a user's first rollout does.
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { build } from 'vite';
import { chromium } from '@playwright/test';
import type { BenchResult } from './rolloutCases';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.config';

async function bundleWorker(): Promise<string> {
  const entry = fileURLToPath(new URL('./browserWorker.ts', import.meta.url));
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, lib: { entry, formats: ['iife'], name: 'kubesimBench' } },
  });
  const outputs = Array.isArray(out) ? out : [out];
  for (const o of outputs) {
    if (!('output' in o)) continue;
    for (const chunk of o.output) if (chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('vite produced no bundle for the bench worker');
}

/** Runs each named case in its own worker in headless Chromium; undefined when Chromium is not installed. */
export async function runInBrowser(
  caseNames: string[],
): Promise<{ version: string; results: { name: string; result: BenchResult }[] } | undefined> {
  if (!existsSync(CHROMIUM_PATH)) return undefined;
  const code = await bundleWorker();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    const results: { name: string; result: BenchResult }[] = [];
    for (const name of caseNames) {
      const reply = await page.evaluate(
        ([src, caseName]) =>
          new Promise<{ result?: BenchResult; error?: string }>((resolve) => {
            const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
            const w = new Worker(url);
            w.onmessage = (e: MessageEvent<{ result?: BenchResult; error?: string }>) => {
              w.terminate();
              URL.revokeObjectURL(url);
              resolve(e.data);
            };
            w.onerror = (e) => {
              w.terminate();
              resolve({ error: e.message });
            };
            w.postMessage({ caseName });
          }),
        [code, name] as const,
      );
      if (reply.error !== undefined || !reply.result)
        throw new Error(`${name}: ${reply.error ?? 'no result'}`);
      results.push({ name, result: reply.result });
    }
    return { version: browser.version(), results };
  } finally {
    await browser.close();
  }
}
