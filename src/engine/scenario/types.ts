// The scenario format as TypeScript: what an author writes in scenarios/*.yaml, after parsing and validation.
import type { CniName, NodeSpec } from '../cluster/types';

/** one condition on a value; several keys in one matcher must all hold */
export interface Matcher {
  equals?: unknown;
  atLeast?: number;
  atMost?: number;
  /** a JavaScript regular expression tested against the value as a string */
  matches?: string;
  /** true: the path is present (not undefined/null); false: it is absent */
  exists?: boolean;
}

interface CheckBase {
  describe: string;
  /** shown to the learner when the check fails */
  hint?: string;
}

/** `kubectl get <get> -o json`, then each dotted path in `expect` is matched */
export interface ObjectCheck extends CheckBase {
  kind: 'object';
  get: string;
  namespace?: string;
  expect: Record<string, Matcher>;
}

/** `kubectl get <list> [-l selector] [--field-selector f] -o json`; `count` is the number of items */
export interface ListCheck extends CheckBase {
  kind: 'list';
  list: string;
  selector?: string;
  fieldSelector?: string;
  namespace?: string;
  expect: Record<string, Matcher>;
}

/** runs a command and matches its output and exit code */
export interface CommandCheck extends CheckBase {
  kind: 'command';
  command: string;
  stdin?: string;
  expectOutput: {
    contains?: string[];
    notContains?: string[];
    matches?: string;
    code?: number;
  };
}

export type Check = ObjectCheck | ListCheck | CommandCheck;

export interface RunItem {
  command: string;
  stdin?: string;
  /** exit code the command must return when played headless (default 0) */
  expectCode: number;
}

export interface ScenarioStep {
  title: string;
  /** markdown narration */
  text: string;
  run: RunItem[];
  /** virtual time to advance after the commands, e.g. '30s' (applied before settle) */
  advance?: string;
  /** run `sim settle` after the commands (and after advance) */
  settle: boolean;
  checks: Check[];
}

export interface ScenarioCluster {
  seed: number;
  nodes?: number | NodeSpec[];
  cni?: CniName;
}

export interface Scenario {
  /** where it was read from, for messages */
  file: string;
  title: string;
  /** markdown */
  description: string;
  cluster: ScenarioCluster;
  steps: ScenarioStep[];
}

/** a schema error: `path` like `steps[1].checks[0].expect`, line/column 1-based when known */
export interface ScenarioIssue {
  file: string;
  path: string;
  line?: number;
  column?: number;
  message: string;
}
