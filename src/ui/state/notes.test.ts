// Telling kubesim's notes from errors on stderr.
import { describe, expect, it } from 'vitest';
import { splitNotes } from './notes';

describe('splitNotes', () => {
  it.each([
    ['', []],
    ['error: x\n', [{ text: 'error: x\n', note: false }]],
    ['(kubesim: why)\n', [{ text: '(kubesim: why)\n', note: true }]],
    [
      'warning: w\n(kubesim stopped watching after 2s)\nerror: e\n',
      [
        { text: 'warning: w\n', note: false },
        { text: '(kubesim stopped watching after 2s)\n', note: true },
        { text: 'error: e\n', note: false },
      ],
    ],
    [
      "(kubesim's demo images)\n(kubesim: two)\n",
      [{ text: "(kubesim's demo images)\n(kubesim: two)\n", note: true }],
    ],
    ['(kubesimulator)\n', [{ text: '(kubesimulator)\n', note: false }]],
  ])('%j', (stderr, parts) => {
    expect(splitNotes(stderr)).toEqual(parts);
  });
});
