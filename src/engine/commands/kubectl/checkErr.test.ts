// cmdutil.CheckErr's text for the error values kubectl commands return (helpers.go checkErr, MultipleErrors;
// apimachinery utilerrors aggregate.Error).
import { describe, expect, it } from 'vitest';
import { StatusError } from '../../apiserver/types';
import { Aggregate, checkErr, errorText, newAggregate, type GoError } from './checkErr';

const forbidden = new StatusError({
  apiVersion: 'v1',
  kind: 'Status',
  metadata: {},
  status: 'Failure',
  code: 403,
  reason: 'Forbidden',
  message: 'pods "p" is forbidden: nope',
});

describe('errorText (err.Error())', () => {
  it.each<{ name: string; err: GoError; want: string }>([
    { name: 'plain', err: 'boom', want: 'boom' },
    { name: 'aggregate of one', err: new Aggregate(['a']), want: 'a' },
    { name: 'aggregate of two', err: new Aggregate(['a', 'b']), want: '[a, b]' },
    {
      name: 'nested aggregates flatten',
      err: new Aggregate([new Aggregate(['a', 'b']), 'c']),
      want: '[a, b, c]',
    },
    { name: 'duplicates once', err: new Aggregate(['a', new Aggregate(['a'])]), want: 'a' },
    { name: 'status error', err: forbidden, want: 'pods "p" is forbidden: nope' },
  ])('$name', ({ err, want }) => {
    expect(errorText(err)).toBe(want);
  });
});

describe('checkErr', () => {
  it.each<{ name: string; err: GoError | undefined; want: string }>([
    { name: 'nil prints nothing', err: newAggregate([]), want: '' },
    { name: 'plain error gets the prefix', err: 'boom', want: 'error: boom\n' },
    { name: 'the prefix is not doubled', err: 'error: boom', want: 'error: boom\n' },
    {
      name: 'an aggregate of one plain error is unwrapped',
      err: new Aggregate(['boom']),
      want: 'error: boom\n',
    },
    {
      name: 'an aggregate of one aggregate prints that aggregate one per line, without prefix',
      err: new Aggregate([new Aggregate(['a'])]),
      want: 'a\n',
    },
    { name: 'an aggregate of several: one line each', err: new Aggregate(['a', 'b']), want: 'a\nb\n' },
    {
      name: 'an aggregate member that is an aggregate prints as [x, y]',
      err: new Aggregate([new Aggregate(['a', 'b']), 'c']),
      want: '[a, b]\nc\n',
    },
    {
      name: 'status error',
      err: forbidden,
      want: 'Error from server (Forbidden): pods "p" is forbidden: nope\n',
    },
    {
      name: 'status error inside an aggregate',
      err: new Aggregate([forbidden, 'x']),
      want: 'Error from server (Forbidden): pods "p" is forbidden: nope\nx\n',
    },
  ])('$name', ({ err, want }) => {
    expect(checkErr(err)).toBe(want);
  });
});
