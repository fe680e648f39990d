// The garbage collector (pkg/controller/garbagecollector): cascading deletion by ownerReferences.
export { garbageCollectorController, dependencyGraph, GC_RESOURCES } from './controller';
export { DependencyGraph, FINALIZER_FOREGROUND, FINALIZER_ORPHAN } from './graph';
export type { GraphNode } from './graph';
