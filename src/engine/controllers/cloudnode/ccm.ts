// The cloud-controller-manager's instance and route controllers (its service controller runs with the others in
// manager.ts), as one list for the control plane to start.
import type { Component } from '../../cluster/types';
import { cloudNodeController } from './controller';
import { cloudNodeLifecycleController } from '../cloudnodelifecycle/index';
import { routeController } from '../route/index';

export function cloudControllerManagerComponents(): Component[] {
  return [cloudNodeController(), cloudNodeLifecycleController(), routeController()];
}
