// Every kubectl verb kubesim serves, grouped by the files that hold them.
import type { CommandSpec } from '../types';
import { readCommands } from './readCommands';
import { writeCommands } from './writeCommands';
import { rolloutCommands } from './rolloutCommands';
import { nodeCommands } from './nodeCommands';
import { topCommands } from './top';
import { autoscaleCommand } from './autoscale';
import { execCommand } from './exec';
import { logsCommand } from './logs';
import { diffCommand } from './diff';
import { editCommand } from './edit';
import { configCommands } from './config/configCommands';

export const kubectlCommands: readonly CommandSpec[] = [
  ...readCommands,
  ...writeCommands,
  ...rolloutCommands,
  ...nodeCommands,
  ...topCommands,
  autoscaleCommand,
  execCommand,
  logsCommand,
  diffCommand,
  editCommand,
  ...configCommands,
];
