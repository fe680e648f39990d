// Every kubectl verb kubesim serves. Reading verbs and writing verbs live in their own lists.
import type { CommandSpec } from '../types';
import { readCommands } from './readCommands';
import { writeCommands } from './writeCommands';

export const kubectlCommands: readonly CommandSpec[] = [...readCommands, ...writeCommands];
