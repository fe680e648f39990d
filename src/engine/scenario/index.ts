// Scenario support: parse a scenario file, play it headless, or start it interactively for the UI.
export type * from './types';
export { parseScenario, formatIssue, ScenarioParseError } from './parse';
export { evaluateCheck, checkCommandLine } from './checks';
export type { CheckResult, CommandRunner } from './checks';
export { playScenario, playStep, startScenario, stepCommands, clusterOptions } from './player';
export type {
  CommandOutput,
  StepResult,
  ScenarioResult,
  PlayOptions,
  StepView,
  InteractiveScenario,
} from './player';
