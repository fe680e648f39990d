// JSONPath table tests modelled on client-go/util/jsonpath/jsonpath_test.go and kubectl's documented examples.
import { describe, expect, it } from 'vitest';
import { executeJsonPath, JsonPathError } from './jsonpath';

const podList = {
  kind: 'List',
  items: [
    {
      kind: 'Pod',
      metadata: { name: 'web-1', labels: { 'app.kubernetes.io/name': 'web' } },
      spec: {
        containers: [
          { name: 'nginx', image: 'nginx:1.27' },
          { name: 'side', image: 'busybox' },
        ],
      },
      status: {
        conditions: [
          { type: 'Ready', status: 'True' },
          { type: 'PodScheduled', status: 'True' },
        ],
        podIP: '10.0.0.1',
        restarts: 3,
      },
    },
    {
      kind: 'Pod',
      metadata: { name: 'web-2' },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] },
      status: { conditions: [{ type: 'Ready', status: 'False' }], restarts: 0 },
    },
  ],
};

describe('executeJsonPath', () => {
  const rows: { name: string; template: string; want: string }[] = [
    { name: 'single field', template: '{.kind}', want: 'List' },
    { name: 'wildcard names space-separated', template: '{.items[*].metadata.name}', want: 'web-1 web-2' },
    { name: 'index', template: '{.items[0].metadata.name}', want: 'web-1' },
    { name: 'negative index', template: '{.items[-1].metadata.name}', want: 'web-2' },
    { name: 'slice', template: '{.items[0:1].metadata.name}', want: 'web-1' },
    {
      name: 'range with literal newline',
      template: '{range .items[*]}{.metadata.name}{"\\n"}{end}',
      want: 'web-1\nweb-2\n',
    },
    {
      name: 'range with tabs',
      template: '{range .items[*]}{.metadata.name}{"\\t"}{.status.restarts}{"\\n"}{end}',
      want: 'web-1\t3\nweb-2\t0\n',
    },
    {
      name: 'filter',
      template: '{.items[0].status.conditions[?(@.type=="Ready")].status}',
      want: 'True',
    },
    {
      name: 'filter across items',
      template: '{.items[?(@.status.restarts>1)].metadata.name}',
      want: 'web-1',
    },
    { name: 'recursive descent', template: '{..image}', want: 'nginx:1.27 busybox nginx:1.26' },
    { name: 'union of fields', template: "{.items[0].metadata['name']}", want: 'web-1' },
    {
      name: 'escaped dot in key',
      template: '{.items[0].metadata.labels.app\\.kubernetes\\.io/name}',
      want: 'web',
    },
    { name: 'object printed as compact JSON', template: '{.items[1].metadata}', want: '{"name":"web-2"}' },
    { name: 'missing key prints nothing', template: '{.items[1].status.podIP}', want: '' },
    { name: 'text around actions', template: 'name={.items[0].metadata.name}!', want: 'name=web-1!' },
    { name: 'numbers', template: '{.items[*].status.restarts}', want: '3 0' },
  ];
  for (const r of rows) it(r.name, () => expect(executeJsonPath(r.template, podList)).toBe(r.want));

  it('out-of-range index fails like client-go', () => {
    expect(() => executeJsonPath('{.items[5]}', podList)).toThrow(
      'array index out of bounds: index 5, length 2',
    );
  });
  it('unclosed action is a parse error', () => {
    expect(() => executeJsonPath('{.items', podList)).toThrow(JsonPathError);
  });
});
