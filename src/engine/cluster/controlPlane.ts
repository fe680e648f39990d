// The control plane a cluster runs, as kubeadm starts it: kube-controller-manager's controllers, kube-scheduler,
// the kubelets and the node-lifecycle / taint-eviction controllers.
import type { ClusterRuntime } from './types';
import { controllerManagerComponents, defaultControllers } from '../controllers/manager';
import { schedulerComponents } from '../scheduler/index';
import { kubeletComponent } from '../kubelet/index';
import { nodeLifecycleController } from '../controllers/nodelifecycle/index';
import { taintEvictionController } from '../controllers/tainteviction/index';
import { createSystemWorkloads } from './systemWorkloads/index';
import { volumeDataWriter } from '../storage/index';
import { metricsServerComponent } from '../metrics/metricsServer';
import { evictionManagerComponent } from '../kubelet/eviction/index';
import { defaultStorageClass } from '../controllers/persistentvolume/index';
import { cloudControllerManagerComponents } from '../controllers/cloudnode/ccm';

export function startControlPlane(rt: ClusterRuntime): void {
  for (const c of controllerManagerComponents(defaultControllers)) rt.addComponent(c);
  rt.addComponent(nodeLifecycleController());
  rt.addComponent(taintEvictionController());
  for (const c of cloudControllerManagerComponents()) rt.addComponent(c);
  for (const c of schedulerComponents()) rt.addComponent(c);
  rt.addComponent(kubeletComponent());
  rt.addComponent(evictionManagerComponent());
  rt.addComponent(metricsServerComponent());
  // kube-proxy, the CNI agent, CoreDNS and the static control-plane pods, as kubeadm leaves them
  createSystemWorkloads(rt);
  // the default StorageClass (zonal cloud disks of the simulated cloud) and the simulated data its volumes hold
  rt.api.create('storageclasses', undefined, defaultStorageClass(), {
    actor: 'kubeadm',
    cause: 'bootstrap: default StorageClass',
  });
  rt.addComponent(volumeDataWriter());
}
