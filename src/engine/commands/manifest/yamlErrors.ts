// Turns `yaml` library errors into go-yaml's wording (what kubectl prints), always with line AND column.
// kubectl's own form is `yaml: line 8: mapping values are not allowed in this context` (gopkg.in/yaml.v2 scannerc.go);
// kubesim adds the column: `yaml: line 8, column 5: ...`.
import type { YAMLError } from 'yaml';

/** go-yaml phrases for the `yaml` library's error codes that have a direct counterpart */
const GO_YAML_TEXT: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: 'found character that cannot start any token',
  BLOCK_AS_IMPLICIT_KEY: 'mapping values are not allowed in this context',
  BAD_INDENT: 'did not find expected key',
  MULTILINE_IMPLICIT_KEY: "could not find expected ':'",
  DUPLICATE_KEY: 'key already set in map',
  UNEXPECTED_TOKEN: 'did not find expected node content',
};

export interface YamlPosition {
  line: number;
  col: number;
}

/** `yaml: line L, column C: <text>` */
export function yamlErrorText(pos: YamlPosition, text: string): string {
  return `yaml: line ${pos.line}, column ${pos.col}: ${text}`;
}

/** the library's own description without its ` at line L, column C:` suffix and code-frame */
function libraryText(err: YAMLError): string {
  const first = err.message.split('\n')[0] ?? err.message;
  const cut = first.search(/ at line \d+, column \d+:?$/);
  const text = cut >= 0 ? first.slice(0, cut) : first;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** go-yaml's text for unterminated quotes and flow collections */
function closingText(err: YAMLError): string | undefined {
  if (err.code !== 'MISSING_CHAR' && err.code !== 'BAD_INDENT') return undefined;
  const first = err.message.split('\n')[0] ?? '';
  if (/quote/i.test(first)) return 'found unexpected end of stream';
  if (/end with a \}/.test(first)) return "did not find expected ',' or '}'";
  if (/end with a \]/.test(first)) return "did not find expected ',' or ']'";
  return undefined;
}

export function describeYamlError(err: YAMLError): string {
  const pos = err.linePos?.[0] ?? { line: 1, col: 1 };
  if (err.code === 'RESOURCE_EXHAUSTION') {
    return yamlErrorText(pos, `exceeded max depth of 10000 (${libraryText(err)})`);
  }
  const text = closingText(err) ?? GO_YAML_TEXT[err.code] ?? libraryText(err);
  return yamlErrorText(pos, text);
}
