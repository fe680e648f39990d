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
import { podFaultCommands } from './pod';
import { cloudCommands } from './cloud';

export const simVerbs: CommandSpec[] = [];
simVerbs.push(
  helpCommand(() => simVerbs, {
    advance: '<duration>',
    'node add': 'NAME',
    'node fail': 'NAME',
    'node recover': 'NAME',
    explain: 'pod/NAME',
    'pod crash': 'POD',
    'pod fail-readiness': 'POD',
    'pod fail-liveness': 'POD',
    'pod heal': 'POD',
    'cloud delete-instance': 'NODE',
    'cloud shutdown-instance': 'NODE',
    'cloud start-instance': 'NODE',
  }),
  timeCommand,
  advanceCommand,
  settleCommand,
  nodeAddCommand,
  nodeFailCommand,
  nodeRecoverCommand,
  ...podFaultCommands,
  seedCommand,
  explainCommand,
  volumeCommand,
  ...usageCommands,
  ...networkSimCommands,
  ...cloudCommands,
);
