// Admission plugin contract (mirrors k8s.io/apiserver/pkg/admission Interface): mutate or refuse a request before storage.
import type { KubeObject } from '../../types/object';
import type { ResourceInfo } from '../types';
import type { Rng } from '../../sim/types';

export type AdmissionOperation = 'CREATE' | 'UPDATE' | 'DELETE';

/** read-only view of the cluster that plugins consult (like their informer listers); undefined when absent */
export interface AdmissionApi {
  get(resource: string, namespace: string | undefined, name: string): Readonly<KubeObject> | undefined;
  list(resource: string, namespace: string | undefined): readonly Readonly<KubeObject>[];
  /** a plugin's own seeded stream (same label, same stream), so its draws never shift the server's uids and names */
  rng?(stream: string): Rng;
}

export interface AdmissionPlugin {
  readonly name: string;
  /**
   * May change obj (mutating admission); throws StatusError to refuse. For DELETE, obj is the stored object.
   * old is the stored object on UPDATE.
   */
  admit(
    op: AdmissionOperation,
    resource: ResourceInfo,
    obj: KubeObject,
    old: Readonly<KubeObject> | undefined,
    api: AdmissionApi,
  ): void;
}

/** the name admission errors use: the object's name, else its generateName (admission.extractResourceName) */
export function admissionName(obj: Readonly<KubeObject>): string {
  return obj.metadata.name || obj.metadata.generateName || 'Unknown';
}
