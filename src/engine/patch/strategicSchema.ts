// Strategic-merge schema: patchStrategy / patchMergeKey per field, taken from the k8s.io/api Go struct tags.
// mirrors the `patchStrategy:"merge" patchMergeKey:"name"` tags in staging/src/k8s.io/api/{core,apps,batch}/v1/types.go.

export type PatchStrategy = 'merge' | 'replace' | 'retainKeys' | 'merge,retainKeys';

export interface FieldMeta {
  /** list/map patch strategy; lists without one are replaced (atomic) */
  strategy?: PatchStrategy;
  /** for lists of maps merged by key */
  mergeKey?: string;
  /** schema of the map value, or of each list element */
  schema?: SchemaNode;
}

export interface SchemaNode {
  readonly fields: Readonly<Record<string, FieldMeta>>;
}

const node = (fields: Record<string, FieldMeta>): SchemaNode => ({ fields });
const byKey = (mergeKey: string, schema?: SchemaNode, strategy: PatchStrategy = 'merge'): FieldMeta =>
  schema === undefined ? { strategy, mergeKey } : { strategy, mergeKey, schema };
const map = (schema: SchemaNode): FieldMeta => ({ schema });

const conditions = byKey('type');

export const objectMeta = node({
  finalizers: { strategy: 'merge' },
  ownerReferences: byKey('uid'),
});

const container = node({
  ports: byKey('containerPort'),
  env: byKey('name'),
  volumeMounts: byKey('mountPath'),
  volumeDevices: byKey('devicePath'),
  // envFrom, resizePolicy, command, args: atomic
});

export const podSpec = node({
  containers: byKey('name', container),
  initContainers: byKey('name', container),
  ephemeralContainers: byKey('name', container),
  volumes: byKey('name', undefined, 'merge,retainKeys'),
  imagePullSecrets: byKey('name'),
  hostAliases: byKey('ip'),
  topologySpreadConstraints: byKey('topologyKey'),
  schedulingGates: byKey('name'),
  resourceClaims: byKey('name', undefined, 'merge,retainKeys'),
  // tolerations, readinessGates: atomic (no patch tags)
});

const podTemplate = node({ metadata: map(objectMeta), spec: map(podSpec) });

const podStatus = node({
  conditions,
  podIPs: byKey('ip'),
  hostIPs: byKey('ip'),
});

const workloadStatus = node({ conditions });

function workload(extraSpec: Record<string, FieldMeta> = {}): SchemaNode {
  return node({
    metadata: map(objectMeta),
    spec: map(node({ template: map(podTemplate), ...extraSpec })),
    status: map(workloadStatus),
  });
}

const jobSpec = node({ template: map(podTemplate) });

/** top-level schema per kind; kinds not listed here have only ObjectMeta's tags */
export const kindSchemas: Readonly<Record<string, SchemaNode>> = {
  Pod: node({ metadata: map(objectMeta), spec: map(podSpec), status: map(podStatus) }),
  PodTemplate: node({ metadata: map(objectMeta), template: map(podTemplate) }),
  Deployment: workload({ strategy: { strategy: 'retainKeys' } }),
  ReplicaSet: workload(),
  ReplicationController: workload(),
  StatefulSet: workload(),
  DaemonSet: workload(),
  Job: node({ metadata: map(objectMeta), spec: map(jobSpec), status: map(workloadStatus) }),
  CronJob: node({
    metadata: map(objectMeta),
    spec: map(node({ jobTemplate: map(node({ metadata: map(objectMeta), spec: map(jobSpec) })) })),
  }),
  Service: node({
    metadata: map(objectMeta),
    spec: map(node({ ports: byKey('port') })),
    status: map(node({ conditions })),
  }),
  Node: node({
    metadata: map(objectMeta),
    spec: map(node({ podCIDRs: { strategy: 'merge' } })),
    status: map(node({ conditions, addresses: byKey('type') })),
  }),
  Namespace: node({ metadata: map(objectMeta), status: map(node({ conditions })) }),
  PersistentVolumeClaim: node({ metadata: map(objectMeta), status: map(node({ conditions })) }),
  HorizontalPodAutoscaler: node({ metadata: map(objectMeta), status: map(node({ conditions })) }),
};

const genericSchema = node({ metadata: map(objectMeta) });

/** true when kubectl would use a strategic merge patch (a built-in kind we know the struct tags of) */
export function hasStrategicSchema(kind: string): boolean {
  return Object.prototype.hasOwnProperty.call(kindSchemas, kind);
}

export function schemaForKind(kind: string): SchemaNode {
  return hasStrategicSchema(kind) ? (kindSchemas[kind] as SchemaNode) : genericSchema;
}

const emptySchema = node({});

/** field metadata, with own-key lookup (a field named '__proto__' has no metadata) */
export function lookupField(schema: SchemaNode | undefined, field: string): FieldMeta {
  if (schema === undefined || !Object.prototype.hasOwnProperty.call(schema.fields, field)) return {};
  return schema.fields[field] as FieldMeta;
}

export function subSchema(meta: FieldMeta): SchemaNode {
  return meta.schema ?? emptySchema;
}
