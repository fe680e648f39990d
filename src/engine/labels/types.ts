// Label selector model (mirrors k8s.io/apimachinery/pkg/labels): parsed once, matched many times.
export type SelectorOperator = 'in' | 'notin' | 'exists' | '!' | '=' | '==' | '!=' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  operator: SelectorOperator;
  /** sorted, as labels.NewRequirement sorts them */
  values: string[];
}

export interface Selector {
  readonly requirements: readonly Requirement[];
  matches(labels: Readonly<Record<string, string>> | undefined): boolean;
  /** true for the selector that matches everything (labels.Everything()) */
  empty(): boolean;
  /** canonical string form, as labels.Selector.String() prints it */
  toString(): string;
}

/** A field selector (mirrors k8s.io/apimachinery/pkg/fields): only =, ==, != on a field path like metadata.name. */
export interface FieldRequirement {
  field: string;
  operator: '=' | '==' | '!=';
  value: string;
}
export interface FieldSelector {
  readonly requirements: readonly FieldRequirement[];
  empty(): boolean;
  toString(): string;
}
