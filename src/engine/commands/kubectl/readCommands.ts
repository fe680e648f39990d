// kubectl's reading verbs: get, describe, events, api-resources, api-versions, version, cluster-info, options, help.
import type { CommandSpec } from '../types';
import * as registry from './index';
import { getCommand } from './get';
import { describeCommand } from './describe';
import { eventsCommand } from './events';
import { apiResourcesCommand, apiVersionsCommand } from './apiResources';
import { versionCommand } from './version';
import { clusterInfoCommand } from './clusterInfo';
import { helpCommand, optionsCommand } from './help';

export const readCommands: CommandSpec[] = [
  getCommand,
  describeCommand,
  eventsCommand,
  apiResourcesCommand,
  apiVersionsCommand,
  versionCommand,
  clusterInfoCommand,
  optionsCommand,
  // the registry is read when help runs, after every module has loaded
  helpCommand(() => registry.kubectlCommands),
];
