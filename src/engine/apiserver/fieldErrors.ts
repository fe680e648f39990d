// Field errors as k8s.io/apimachinery/pkg/util/validation/field/errors.go defines them, and their text.
// Tests compare (type, field) pairs like Kubernetes' ErrorMatcher{}.ByType().ByField(); messages are golden-checked apart.

export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueInternal'
  | 'FieldValueTypeInvalid';

export interface FieldError {
  type: FieldErrorType;
  /** path like spec.template.spec.containers[0].image */
  field: string;
  /** the bad value (omitted from the text for Required, Forbidden, TooLong, TooMany, Internal) */
  value?: unknown;
  detail: string;
}

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  FieldValueInternal: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** the StatusCause reason string for a field error type (metav1.CauseType) */
export function causeReason(type: FieldErrorType): string {
  return type;
}

const OMIT_VALUE = new Set<FieldErrorType>([
  'FieldValueRequired',
  'FieldValueForbidden',
  'FieldValueTooLong',
  'FieldValueTooMany',
  'FieldValueInternal',
]);

/**
 * A bad value already rendered the way Go's `%#v` prints it (e.g. `map[string]string{"app":"web"}`),
 * for the structs and maps field.Error shows with `%#v`; formatValue prints its text as is.
 */
export class GoLiteral {
  constructor(readonly text: string) {}
  toJSON(): string {
    return this.text;
  }
}

/** value as field.Error prints it: strings quoted, numbers/bools bare, GoLiteral as is, objects as JSON */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof GoLiteral) return value.text;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value);
}

/** field.Error.ErrorBody(): `<Type>: <value>: <detail>` */
export function errorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  if (!OMIT_VALUE.has(e.type) && e.value !== undefined) s += `: ${formatValue(e.value)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** field.Error.Error(): `<field>: <body>` */
export function errorText(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

export const fieldError = {
  required: (field: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field, detail }),
  invalid: (field: string, value: unknown, detail: string): FieldError => ({
    type: 'FieldValueInvalid',
    field,
    value,
    detail,
  }),
  notSupported: (field: string, value: unknown, supported: readonly string[]): FieldError => ({
    type: 'FieldValueNotSupported',
    field,
    value,
    detail: supported.length ? `supported values: ${supported.map((v) => JSON.stringify(v)).join(', ')}` : '',
  }),
  duplicate: (field: string, value: unknown): FieldError => ({
    type: 'FieldValueDuplicate',
    field,
    value,
    detail: '',
  }),
  forbidden: (field: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field, detail }),
  notFound: (field: string, value: unknown): FieldError => ({
    type: 'FieldValueNotFound',
    field,
    value,
    detail: '',
  }),
  tooLong: (field: string, max: number): FieldError => ({
    type: 'FieldValueTooLong',
    field,
    detail: `may not be more than ${max} bytes`,
  }),
  tooMany: (field: string, max: number): FieldError => ({
    type: 'FieldValueTooMany',
    field,
    detail: `must have at most ${max} items`,
  }),
  internal: (field: string, detail: string): FieldError => ({ type: 'FieldValueInternal', field, detail }),
};
