// Every kubectl verb that writes: apply, create (-f and generators), replace, delete, label, annotate, patch, scale,
// set image/resources/env, wait, run, expose.
import type { CommandSpec } from '../types';
import { ArgsError } from '../args';
import { errorLine } from './writeSupport';
import { applyCommand } from './apply';
import { createCommand } from './create';
import { createGeneratorCommands } from './createDeployment';
import { createPolicyCommands } from './createPolicy';
import { createTokenCommand } from './createToken';
import { replaceCommand } from './replace';
import { deleteCommand } from './delete';
import { labelCommand } from './label';
import { annotateCommand } from './annotate';
import { patchCommand } from './patch';
import { scaleCommand } from './scale';
import { setImageCommand } from './setImage';
import { setResourcesCommand } from './setResources';
import { setEnvCommand } from './setEnv';
import { setSaCommand, setServiceAccountCommand } from './setServiceAccount';
import { setSelectorCommand } from './setSelector';
import { waitCommand } from './wait';
import { runCommand } from './run';
import { exposeCommand } from './expose';

/** every failure printed in kubectl's words (unknown types as `error: ...`), flag errors left to the dispatcher */
function guarded(spec: CommandSpec): CommandSpec {
  return {
    ...spec,
    run(args, ctx) {
      try {
        return spec.run(args, ctx);
      } catch (e) {
        if (e instanceof ArgsError) throw e;
        return { code: 1, stdout: '', stderr: `${errorLine(e)}\n` };
      }
    },
  };
}

export const writeCommands: CommandSpec[] = [
  applyCommand,
  createCommand,
  ...createGeneratorCommands,
  ...createPolicyCommands,
  createTokenCommand,
  replaceCommand,
  deleteCommand,
  labelCommand,
  annotateCommand,
  patchCommand,
  scaleCommand,
  setImageCommand,
  setResourcesCommand,
  setEnvCommand,
  setServiceAccountCommand,
  setSaCommand,
  setSelectorCommand,
  waitCommand,
  runCommand,
  exposeCommand,
].map(guarded);
