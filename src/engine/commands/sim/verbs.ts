// The `sim` verbs, in the order `sim help` lists them.
import type { CommandSpec } from '../types';
import { helpCommand } from './help';
import { timeCommand } from './simTime';
import { advanceCommand } from './advance';
import { settleCommand } from './settle';
import { nodeAddCommand } from './nodeAdd';
import { nodeFailCommand } from './nodeFail';
import { nodeRecoverCommand } from './nodeRecover';
import { seedCommand } from './seed';
import { volumeCommand } from './volume';
import { explainCommand } from './explain';
import { usageCommands } from './usage';
import { networkSimCommands } from './cni';

export const simVerbs: CommandSpec[] = [];
simVerbs.push(
  helpCommand(() => simVerbs, {
    advance: '<duration>',
    'node add': 'NAME',
    'node fail': 'NAME',
    'node recover': 'NAME',
    explain: 'pod/NAME',
  }),
  timeCommand,
  advanceCommand,
  settleCommand,
  nodeAddCommand,
  nodeFailCommand,
  nodeRecoverCommand,
  seedCommand,
  explainCommand,
  volumeCommand,
  ...usageCommands,
  ...networkSimCommands,
);
