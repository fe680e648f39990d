// kubectl's node maintenance verbs: cordon, uncordon, drain, taint.
import type { CommandSpec } from '../types';
import { cordonCommands } from './cordon';
import { drainCommand } from './drain';
import { taintCommand } from './taint';

export const nodeCommands: CommandSpec[] = [...cordonCommands, drainCommand, taintCommand];
