// The simulated cloud provider a cluster runs on: one instance per node (providerID, zone, region, type, address,
// running/stopped) and a routes table; the cloud-controller-manager's controllers query it like InstancesV2/Routes.
import type { CloudInstance, CloudRoute, InstanceMetadata, LaunchSpec } from './types';
import { instanceTypeFor } from './instanceType';

export const CLOUD_REGION = 'region-1';
/** the zones instances without an explicit zone are spread over (node-1..3 land in a/b/c) */
export const CLOUD_ZONES: readonly string[] = ['zone-a', 'zone-b', 'zone-c'];
/** kube-controller-manager / cloud-controller-manager --cluster-name default, the prefix of route names */
export const CLUSTER_NAME = 'kubernetes';

/** the providerID scheme kind's nodes carry (kind://<provider>/<cluster>/<node>) */
export function providerIdFor(name: string): string {
  return `kind://docker/kind/${name}`;
}

export class SimulatedCloud {
  readonly region = CLOUD_REGION;
  /** by instance name, in launch order */
  private readonly instances = new Map<string, CloudInstance>();
  private readonly byProviderID = new Map<string, CloudInstance>();
  /** by route name, in creation order */
  private readonly routes = new Map<string, CloudRoute>();
  private launched = 0;

  /** launch (or relaunch, after deletion) the VM for a node; an existing instance is returned as is */
  launchInstance(spec: LaunchSpec): CloudInstance {
    const existing = this.instances.get(spec.name);
    if (existing) return existing;
    // the control-plane machine is the first launched; workers then go round the zones from zone-a
    const zone = spec.zone ?? CLOUD_ZONES[Math.max(0, this.launched - 1) % CLOUD_ZONES.length] ?? 'zone-a';
    const instance: CloudInstance = {
      name: spec.name,
      providerID: providerIdFor(spec.name),
      zone,
      region: this.region,
      instanceType: instanceTypeFor(spec.cpu, spec.memory),
      internalIP: spec.internalIP,
      state: 'running',
    };
    this.launched++;
    this.instances.set(spec.name, instance);
    this.byProviderID.set(instance.providerID, instance);
    return instance;
  }

  instance(name: string): CloudInstance | undefined {
    return this.instances.get(name);
  }

  listInstances(): CloudInstance[] {
    return [...this.instances.values()];
  }

  /** terminate the VM: it no longer exists in the cloud; false when there was none */
  deleteInstance(name: string): boolean {
    const instance = this.instances.get(name);
    if (!instance) return false;
    this.instances.delete(name);
    this.byProviderID.delete(instance.providerID);
    return true;
  }

  /** InstancesV2.InstanceExists, by the node's providerID (or its name when the node has none yet) */
  instanceExists(providerID: string | undefined, nodeName: string): boolean {
    return this.lookup(providerID, nodeName) !== undefined;
  }

  /** InstancesV2.InstanceShutdown */
  instanceShutdown(providerID: string | undefined, nodeName: string): boolean {
    return this.lookup(providerID, nodeName)?.state === 'stopped';
  }

  /** InstancesV2.InstanceMetadata; undefined when the instance does not exist */
  instanceMetadata(providerID: string | undefined, nodeName: string): InstanceMetadata | undefined {
    const i = this.lookup(providerID, nodeName);
    if (!i) return undefined;
    return {
      providerID: i.providerID,
      instanceType: i.instanceType,
      nodeAddresses: [
        { type: 'InternalIP', address: i.internalIP },
        { type: 'Hostname', address: i.name },
      ],
      zone: i.zone,
      region: i.region,
    };
  }

  /** Routes.ListRoutes */
  listRoutes(): CloudRoute[] {
    return [...this.routes.values()];
  }

  /** Routes.CreateRoute: the route is named <cluster>-<nameHint> (the node's UID), as the GCE provider names it */
  createRoute(nameHint: string, targetNode: string, destinationCIDR: string): CloudRoute {
    const route: CloudRoute = { name: `${CLUSTER_NAME}-${nameHint}`, targetNode, destinationCIDR };
    this.routes.set(route.name, route);
    return route;
  }

  /** Routes.DeleteRoute */
  deleteRoute(name: string): boolean {
    return this.routes.delete(name);
  }

  private lookup(providerID: string | undefined, nodeName: string): CloudInstance | undefined {
    return providerID ? this.byProviderID.get(providerID) : this.instances.get(nodeName);
  }
}
