// Reads a pasted manifest (YAML 1.1 like sigs.k8s.io/yaml, or JSON) into objects, safely: caps on size, depth,
// keys and aliases; linear duplicate-key check; errors in kubectl's words with line and column.
import { LineCounter, parseAllDocuments, type Document, type Tags } from 'yaml';
import type { KubeObject } from '../../types/object';
import type { JsonObject, JsonValue } from '../../types/json';
import { checkDocument, DEFAULT_LIMITS, firstAliasPos, type ManifestLimits } from './astChecks';
import { JsonConversionError, toPlainJson } from './toJson';
import { describeYamlError, yamlErrorText } from './yamlErrors';

/** A manifest that cannot be read; message is kubectl's text without the leading `error: `. */
export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}

export interface ParseOptions {
  /** kubectl --validate (default true): client-side checks of apiVersion/kind */
  validate?: boolean;
  limits?: ManifestLimits;
}

export interface ParsedManifests {
  objects: KubeObject[];
}

const VALIDATE_HINT = '; if you choose to ignore these errors, turn validation off with --validate=false';

// go-yaml v2 leaves timestamp-looking scalars as strings when decoding into interface{} (yaml.v2 decode.go)
const withoutTimestamps = (tags: Tags): Tags =>
  tags.filter((t) => !(typeof t === 'object' && t.tag.endsWith(':timestamp')));

const goType = (v: JsonValue | undefined): string =>
  v === null || v === undefined
    ? 'nil'
    : Array.isArray(v)
      ? 'array'
      : typeof v === 'object'
        ? 'map'
        : typeof v;

/** mirrors k8s.io/kubectl/pkg/validation: apiVersion/kind must be set, metadata must be a map */
function validationErrors(obj: JsonObject): string[] {
  const errs: string[] = [];
  if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '') errs.push('apiVersion not set');
  if (typeof obj.kind !== 'string' || obj.kind === '') errs.push('kind not set');
  const md = obj.metadata;
  if (errs.length === 0 && md !== undefined && (md === null || typeof md !== 'object' || Array.isArray(md))) {
    errs.push(
      `ValidationError(${String(obj.kind)}.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "${goType(md)}", expected "map"`,
    );
  }
  return errs;
}

function toObjects(value: JsonValue, source: string, validate: boolean, out: KubeObject[]): void {
  if (value === null) return; // an empty document
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ManifestError(
      `error validating "${source}": error validating data: invalid object to validate${VALIDATE_HINT}`,
    );
  }
  const errs = validationErrors(value);
  if (errs.length > 0 && validate) {
    const text = errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
    throw new ManifestError(`error validating "${source}": error validating data: ${text}${VALIDATE_HINT}`);
  }
  if (typeof value.kind !== 'string' || value.kind === '') {
    // with --validate=false only an undecodable object stops it (apimachinery runtime.missingKindErr)
    throw new ManifestError(
      `unable to decode "${source}": Object 'Kind' is missing in '${JSON.stringify(value)}'`,
    );
  }
  const items = value.items;
  // kubectl's resource builder flattens List (and *List) objects into their items
  if (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(items)) {
    for (const item of items) toObjects(item, source, validate, out);
    return;
  }
  if (value.metadata === undefined || value.metadata === null || typeof value.metadata !== 'object')
    value.metadata = {};
  out.push(value as unknown as KubeObject);
}

/** JSON input, as kubectl's YAMLOrJSONDecoder reads it when the text starts with `{` */
function tryJson(text: string): JsonValue | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined; // let the YAML path report the error with a position
  }
}

function documentValue(doc: Document.Parsed, lc: LineCounter, limits: ManifestLimits): unknown {
  const firstError = doc.errors[0];
  if (firstError) throw new Error(describeYamlError(firstError));
  const problem = checkDocument(doc.contents, lc, limits);
  if (problem) throw new Error(problem);
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    if (e instanceof ReferenceError && /^Unresolved alias/.test(e.message)) {
      const name = e.message.slice(e.message.lastIndexOf(':') + 1).trim();
      throw new Error(
        yamlErrorText(firstAliasPos(doc.contents, lc, name), `unknown anchor '${name}' referenced`),
        { cause: e },
      );
    }
    if (e instanceof ReferenceError) {
      throw new Error(
        yamlErrorText(firstAliasPos(doc.contents, lc), 'document contains excessive aliasing'),
        {
          cause: e,
        },
      );
    }
    if (e instanceof RangeError) {
      throw new Error(yamlErrorText(lc.linePos(0), `exceeded max depth of ${limits.maxDepth}`), { cause: e });
    }
    throw e;
  }
}

export function parseManifests(text: string, source: string, options: ParseOptions = {}): ParsedManifests {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const validate = options.validate ?? true;
  const prefix = `error parsing ${source}: error converting YAML to JSON: `;
  if (text.length > limits.maxBytes) {
    throw new ManifestError(
      `error parsing ${source}: input is ${text.length} bytes, more than the ${limits.maxBytes} allowed`,
    );
  }
  const values: unknown[] = [];
  const json = tryJson(text);
  if (json !== undefined) {
    values.push(json);
  } else {
    const lc = new LineCounter();
    const docs = parseAllDocuments(text, {
      version: '1.1',
      uniqueKeys: false,
      prettyErrors: true,
      lineCounter: lc,
      customTags: withoutTimestamps,
    });
    for (const doc of docs) {
      try {
        values.push(documentValue(doc, lc, limits));
      } catch (e) {
        throw new ManifestError(prefix + (e as Error).message);
      }
    }
  }
  const objects: KubeObject[] = [];
  for (const v of values) {
    let plain: JsonValue;
    try {
      plain = toPlainJson(v, limits.maxNodes, limits.maxDepth);
    } catch (e) {
      if (e instanceof JsonConversionError) throw new ManifestError(prefix + e.message);
      throw e;
    }
    toObjects(plain, source, validate, objects);
  }
  return { objects };
}
