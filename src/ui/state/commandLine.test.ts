import { describe, expect, it } from 'vitest';
import { readsStdin } from './commandLine';

describe('readsStdin', () => {
  it.each([
    { line: 'kubectl apply -f -', expected: true },
    { line: 'kubectl create -f - -n demo', expected: true },
    { line: 'kubectl apply --filename=-', expected: true },
    { line: 'kubectl apply -f=-', expected: true },
    { line: 'kubectl apply -f web.yaml', expected: false },
    { line: 'kubectl get pods', expected: false },
    { line: 'kubectl delete pod my-f', expected: false },
  ])('$line -> $expected', ({ line, expected }) => {
    expect(readsStdin(line)).toBe(expected);
  });
});
