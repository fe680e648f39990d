// The kube-controller-manager: every controller of a cluster shares one InformerFactory (SharedInformerFactory).
import type { ControllerDefinition } from '../client/controller';
import { controllerComponent } from '../client/controller';
import type { InformerFactory } from '../client/informer';
import { processInformers } from '../client/informer';
import type { ClusterRuntime, Component } from '../cluster/types';
import { replicaSetController, replicationController } from './replicaset/index';
import { garbageCollectorController } from './garbagecollector/index';
import { deploymentController } from './deployment/index';
import { daemonSetController } from './daemonset/index';
import { statefulSetController } from './statefulset/index';
import { persistentVolumeController } from './persistentvolume/index';
import { endpointSliceController } from './endpointslice/index';
import { endpointsController } from './endpoints/index';
import { horizontalPodAutoscalerController } from './podautoscaler/index';
import { serviceController } from './cloudservice/index';
import { disruptionController } from './disruption/index';
import { podGCController } from './podgc/index';
import { serviceAccountsController, tokensController } from './serviceaccount/index';
import { rootCACertPublisher } from './rootcapublisher/index';
import { pvcProtectionController } from './pvcprotection/index';
import { pvProtectionController } from './pvprotection/index';

/** kube-controller-manager's shared InformerFactory for the cluster, created on first use */
export function sharedInformers(rt: ClusterRuntime): InformerFactory {
  return processInformers(rt.api, 'kube-controller-manager');
}

/** one Component per controller, all reading from the cluster's shared informers */
export function controllerManagerComponents(defs: readonly ControllerDefinition[]): Component[] {
  return defs.map((def) => ({
    name: def.name,
    start(rt: ClusterRuntime) {
      controllerComponent(def, sharedInformers(rt)).start(rt);
    },
  }));
}

/** the controllers kube-controller-manager runs by default (others join as they land) */
export const defaultControllers: ControllerDefinition[] = [
  deploymentController,
  replicaSetController,
  replicationController,
  daemonSetController,
  statefulSetController,
  persistentVolumeController,
  endpointSliceController,
  endpointsController,
  horizontalPodAutoscalerController,
  // cloud-controller-manager's service controller, run here for the simulated cloud
  serviceController,
  disruptionController,
  garbageCollectorController,
  podGCController,
  serviceAccountsController,
  tokensController,
  rootCACertPublisher,
  pvcProtectionController,
  pvProtectionController,
];
