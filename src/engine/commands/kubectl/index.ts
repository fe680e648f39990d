// Every kubectl verb kubesim serves, grouped by the files that hold them.
import type { CommandSpec } from '../types';
import { readCommands } from './readCommands';
import { writeCommands } from './writeCommands';
import { rolloutCommands } from './rolloutCommands';
import { nodeCommands } from './nodeCommands';

export const kubectlCommands: readonly CommandSpec[] = [
  ...readCommands,
  ...writeCommands,
  ...rolloutCommands,
  ...nodeCommands,
];
