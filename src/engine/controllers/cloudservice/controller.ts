// cloud-controller-manager's service controller (k8s.io/cloud-provider/controllers/service/controller.go
// syncLoadBalancerIfNeeded) against a simulated cloud: a LoadBalancer Service gets status.loadBalancer.ingress from
// the cloud's address pool, with the EnsuringLoadBalancer / EnsuredLoadBalancer events; until then kubectl shows
// EXTERNAL-IP <pending>. Turning the Service into another type, or deleting it, releases the address.
import type { Service } from 'kubernetes-types/core/v1';
import type { ControllerDefinition, ReconcileContext, ReconcileResult } from '../../client/controller';
import type { InformerFactory } from '../../client/informer';
import type { KubeObject, ObjectKey } from '../../types/object';
import { splitObjectKey } from '../../types/object';
import { cloneJson } from '../../types/json';
import { StatusError } from '../../apiserver/types';
import { LoadBalancerPool } from './pool';

export const SERVICE_CONTROLLER_NAME = 'service-controller';
/** virtual time the simulated cloud takes to provision a load balancer */
export const LB_PROVISION_LATENCY_MS = 2000;

const pools = new WeakMap<InformerFactory, LoadBalancerPool>();
function poolOf(inf: InformerFactory): LoadBalancerPool {
  let p = pools.get(inf);
  if (!p) pools.set(inf, (p = new LoadBalancerPool()));
  return p;
}

type ServiceObj = Service & KubeObject;

function ingressIps(svc: Readonly<ServiceObj>): string[] {
  return (svc.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []));
}

function writeIngress(ctx: ReconcileContext, svc: Readonly<ServiceObj>, ip: string | undefined): void {
  const next = cloneJson(svc) as ServiceObj;
  const status = { ...(next.status ?? {}), loadBalancer: ip ? { ingress: [{ ip, ipMode: 'VIP' }] } : {} };
  (next as { status?: unknown }).status = status;
  ctx.api.updateStatus('services', svc.metadata.namespace, next, ctx.request);
}

function reconcile(key: ObjectKey, ctx: ReconcileContext): ReconcileResult {
  const pool = poolOf(ctx.informers);
  const svc = ctx.informers.for('services').get(key) as Readonly<ServiceObj> | undefined;
  if (!svc || svc.metadata.deletionTimestamp) {
    pool.release(key);
    return {};
  }
  const wantsLb = svc.spec?.type === 'LoadBalancer';
  const current = ingressIps(svc);
  try {
    if (!wantsLb) {
      if (pool.release(key) || current.length > 0) {
        ctx.events.event(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer', ctx.source);
        if (current.length > 0) writeIngress(ctx, svc, undefined);
        ctx.events.event(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer', ctx.source);
      }
      return {};
    }
    if (current.length > 0) {
      for (const ip of current) pool.adopt(ip, key);
      return {};
    }
    ctx.events.event(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', ctx.source);
    const ip = pool.ensure(key);
    if (!ip) {
      const { name } = splitObjectKey(key);
      ctx.events.event(
        svc,
        'Warning',
        'SyncLoadBalancerFailed',
        `Error syncing load balancer: failed to ensure load balancer: no free address in the simulated cloud's pool for ${name}`,
        ctx.source,
      );
      return { requeueAfterMs: 60_000 };
    }
    writeIngress(ctx, svc, ip);
    ctx.events.event(svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', ctx.source);
    return {};
  } catch (e) {
    if (e instanceof StatusError && e.status.code === 404) return {};
    throw e;
  }
}

export const serviceController: ControllerDefinition = {
  name: SERVICE_CONTROLLER_NAME,
  latencyMs: LB_PROVISION_LATENCY_MS,
  watches: [{ resource: 'services' }],
  reconcile,
};
