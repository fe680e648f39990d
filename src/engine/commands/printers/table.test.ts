// Table layout tests: tabwriter widths, headers, NAMESPACE, TYPE/NAME prefixes, --show-labels, -L, --no-headers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KubeObject } from '../../types/object';
import { printTable } from './table';
import { alignColumns } from './tabwriter';
import { printerForKind } from './columns/index';

const cm = (name: string, ns: string, labels?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: ns, creationTimestamp: '2025-01-01T00:00:00Z', labels },
  data: { k: 'v' },
});
const deploy: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', creationTimestamp: '2025-01-01T00:00:00Z' },
  spec: { replicas: 1 },
};

describe('alignColumns', () => {
  it('pads each column to widest cell + 3, at least 6, leaving the last cell unpadded', () => {
    expect(
      alignColumns([
        ['NAME', 'READY', 'AGE'],
        ['a', '1/1', '5s'],
      ]),
    ).toBe('NAME   READY   AGE\na      1/1     5s\n');
  });
  it('aligns every row of a column to the same start offset (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.stringMatching(/^[a-z0-9-]{0,12}$/), fc.stringMatching(/^[a-z]{1,5}$/)), {
          minLength: 1,
          maxLength: 8,
        }),
        (rows) => {
          const lines = alignColumns(rows).trimEnd().split('\n');
          const widest = Math.max(...rows.map((r) => r[0].length));
          for (let i = 0; i < rows.length; i++) {
            expect((lines[i] as string).slice(Math.max(6, widest + 3))).toBe(
              (rows[i] as [string, string])[1],
            );
          }
        },
      ),
    );
  });
});

describe('printTable', () => {
  const printer = printerForKind('ConfigMap');
  it('prints a plain table', () => {
    expect(printTable([cm('game-config', 'default')], printer, { nowMs: 65_000 })).toBe(
      'NAME          DATA   AGE\ngame-config   1      65s\n',
    );
  });
  it('prints nothing for no objects', () => {
    expect(printTable([], printer, { nowMs: 0 })).toBe('');
  });
  it('adds NAMESPACE first with -A', () => {
    expect(printTable([cm('a', 'kube-system')], printer, { nowMs: 0, withNamespace: true })).toBe(
      'NAMESPACE     NAME   DATA   AGE\nkube-system   a      1      0s\n',
    );
  });
  it('adds LABELS last with --show-labels (sorted, <none>)', () => {
    const out = printTable([cm('a', 'd', { z: '1', app: 'web' }), cm('b', 'd')], printer, {
      nowMs: 0,
      showLabels: true,
    });
    expect(out).toBe(
      'NAME   DATA   AGE   LABELS\na      1      0s    app=web,z=1\nb      1      0s    <none>\n',
    );
  });
  it('adds -L label columns', () => {
    const out = printTable([cm('a', 'd', { 'app.kubernetes.io/name': 'web' })], printer, {
      nowMs: 0,
      labelColumns: ['app.kubernetes.io/name'],
    });
    expect(out).toBe('NAME   DATA   AGE   NAME\na      1      0s    web\n');
  });
  it('omits headers with --no-headers', () => {
    expect(printTable([cm('a', 'd')], printer, { nowMs: 0, noHeaders: true })).toBe('a     1     0s\n');
  });
  it('prefixes names with kind.group when several kinds print', () => {
    expect(printTable([deploy], printerForKind('Deployment'), { nowMs: 0, withKind: true })).toBe(
      'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/web   0/1     0            0           0s\n',
    );
  });
  it('adds wide columns only with -o wide', () => {
    const out = printTable([deploy], printerForKind('Deployment'), { nowMs: 0, wide: true });
    expect(out.split('\n')[0]).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES   SELECTOR',
    );
  });
});
