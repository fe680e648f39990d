// kubectl's rollout verbs: status, history, undo, pause, resume, restart.
import type { CommandSpec } from '../types';
import { rolloutStatusCommand } from './rolloutStatus';
import { rolloutHistoryCommand } from './rolloutHistory';
import { rolloutUndoCommand } from './rolloutUndo';
import { rolloutPauseCommand } from './rolloutPause';
import { rolloutResumeCommand } from './rolloutResume';
import { rolloutRestartCommand } from './rolloutRestart';

export const rolloutCommands: CommandSpec[] = [
  rolloutStatusCommand,
  rolloutHistoryCommand,
  rolloutUndoCommand,
  rolloutPauseCommand,
  rolloutResumeCommand,
  rolloutRestartCommand,
];
