// Plays a scenario: headless (every step's commands, then its checks) or interactively for a learner.
import { createCluster } from '../index';
import type { Cluster, ClusterOptions } from '../index';
import type { RunItem, Scenario, ScenarioStep } from './types';
import type { CheckResult } from './checks';
import { evaluateCheck } from './checks';

export interface CommandOutput {
  command: string;
  stdin?: string;
  code: number;
  stdout: string;
  stderr: string;
  /** the exit code differed from the step's `expectCode` (0 unless the author said otherwise) */
  unexpectedCode: boolean;
}

export interface StepResult {
  title: string;
  outputs: CommandOutput[];
  checks: CheckResult[];
  passed: boolean;
}

export interface ScenarioResult {
  title: string;
  steps: StepResult[];
  passed: boolean;
  /** virtual time at the end, ms */
  virtualMs: number;
}

export interface PlayOptions {
  /** called after each step is played and checked */
  onStep?: (step: StepResult, index: number) => void;
}

export function clusterOptions(s: Scenario): ClusterOptions {
  const o: ClusterOptions = { seed: s.cluster.seed };
  if (s.cluster.nodes !== undefined) o.nodes = s.cluster.nodes;
  if (s.cluster.cni !== undefined) o.cni = s.cluster.cni;
  return o;
}

/** the commands a step runs: its own, then `sim advance`, then `sim settle` */
export function stepCommands(step: ScenarioStep): RunItem[] {
  const items = [...step.run];
  if (step.advance !== undefined) items.push({ command: `sim advance ${step.advance}`, expectCode: 0 });
  if (step.settle) items.push({ command: 'sim settle', expectCode: 0 });
  return items;
}

function runItem(cluster: Cluster, item: RunItem): CommandOutput {
  const r = cluster.run(item.command, item.stdin);
  const out: CommandOutput = { command: item.command, ...r, unexpectedCode: r.code !== item.expectCode };
  if (item.stdin !== undefined) out.stdin = item.stdin;
  return out;
}

export function playStep(cluster: Cluster, step: ScenarioStep): StepResult {
  const outputs = stepCommands(step).map((item) => runItem(cluster, item));
  const checks = step.checks.map((c) => evaluateCheck(c, cluster));
  const passed = outputs.every((o) => !o.unexpectedCode) && checks.every((c) => c.passed);
  return { title: step.title, outputs, checks, passed };
}

/** plays every step on a fresh cluster; later steps still run after a failure, so one report shows them all */
export function playScenario(scenario: Scenario, options: PlayOptions = {}): ScenarioResult {
  const cluster = createCluster(clusterOptions(scenario));
  const steps = scenario.steps.map((step, i) => {
    const r = playStep(cluster, step);
    options.onStep?.(r, i);
    return r;
  });
  return { title: scenario.title, steps, passed: steps.every((s) => s.passed), virtualMs: cluster.nowMs() };
}

/** what the UI shows for one step */
export interface StepView {
  index: number;
  title: string;
  text: string;
  /** the commands that solve the step, for a "show me" button */
  solution: RunItem[];
  checks: { describe: string; hint?: string }[];
}

export interface InteractiveScenario {
  readonly scenario: Scenario;
  readonly cluster: Cluster;
  readonly stepCount: number;
  step(i: number): StepView;
  /** evaluates step i's checks against the cluster as it is now (the learner's own commands got it there) */
  check(i: number): { passed: boolean; checks: CheckResult[] };
  /** runs step i's own commands for the learner ("solve this step"), then checks it */
  solve(i: number): StepResult;
  /** the learner's terminal */
  run(commandLine: string, stdin?: string): ReturnType<Cluster['run']>;
}

export function startScenario(scenario: Scenario): InteractiveScenario {
  const cluster = createCluster(clusterOptions(scenario));
  const at = (i: number): ScenarioStep => {
    const s = scenario.steps[i];
    if (!s)
      throw new RangeError(`scenario "${scenario.title}" has no step ${i} (it has ${scenario.steps.length})`);
    return s;
  };
  return {
    scenario,
    cluster,
    stepCount: scenario.steps.length,
    step(i) {
      const s = at(i);
      const checks = s.checks.map((c) =>
        c.hint === undefined ? { describe: c.describe } : { describe: c.describe, hint: c.hint },
      );
      return { index: i, title: s.title, text: s.text, solution: stepCommands(s), checks };
    },
    check(i) {
      const checks = at(i).checks.map((c) => evaluateCheck(c, cluster));
      return { passed: checks.every((c) => c.passed), checks };
    },
    solve: (i) => playStep(cluster, at(i)),
    run: (line, stdin) => cluster.run(line, stdin),
  };
}
