// Every `sim` verb: the simulator's own commands (time, settle, nodes, help, ...).
import type { CommandSpec } from '../types';
import { simVerbs } from './verbs';

export const simCommands: readonly CommandSpec[] = simVerbs;
