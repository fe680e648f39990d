// Contracts of the etcd-like MVCC store: revisions, compare-and-swap, watch from a revision, history, indexes.
import type { KubeObject } from '../types/object';
import type { Selector } from '../labels/types';

/** One stored version of a key, as etcd's mvccpb.KeyValue. Values are deep-frozen: copy before changing. */
export interface KeyValue {
  key: string;
  value: Readonly<KubeObject>;
  createRevision: number;
  modRevision: number;
  /** 1 on create, +1 per update; reset by delete */
  version: number;
}

export type StoreEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: StoreEventType;
  key: string;
  /** revision of the write that produced this event */
  revision: number;
  /** ADDED/MODIFIED: the new value; DELETED: the last value before deletion (modRevision = deletion revision) */
  kv: KeyValue;
  /** MODIFIED/DELETED: the value before this write */
  prevKv?: KeyValue;
}

export type StoreErrorCode = 'KeyExists' | 'NotFound' | 'Conflict' | 'Compacted' | 'FutureRevision';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    /** for Compacted: the compaction revision */
    readonly revision?: number,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface ListOptions {
  /** served through the label index where possible; must give the same result as filtering */
  labelSelector?: Selector;
  /** at most this many items (sorted by key); continue from `continueKey` (exclusive) */
  limit?: number;
  continueKey?: string;
}

export interface ListResult {
  items: KeyValue[];
  /** store revision the list was read at */
  revision: number;
  /** key to continue from when limit cut the list */
  continueKey?: string;
}

export type TxnCompare = { key: string; modRevision: number };
export type TxnOp = { op: 'put'; key: string; value: KubeObject } | { op: 'delete'; key: string };

export interface WatchOptions {
  /** deliver events with revision > fromRevision (kube semantics: "since resourceVersion"); default: from now */
  fromRevision?: number;
  labelSelector?: Selector;
  /** ask for progress notifications (bookmarks) */
  progressNotify?: boolean;
}

export interface WatchHandle {
  readonly id: number;
  cancel(): void;
}

export type WatchListener = (events: readonly StoreEvent[]) => void;

export interface MvccStore {
  /** current global revision (0 before the first write) */
  readonly revision: number;
  /** revisions <= this are compacted away (0 = nothing compacted) */
  readonly compactRevision: number;

  get(key: string): KeyValue | undefined;
  /** value of key as of revision; throws StoreError Compacted / FutureRevision */
  getAt(key: string, revision: number): KeyValue | undefined;
  /** keys starting with prefix, sorted by key */
  list(prefix: string, options?: ListOptions): ListResult;
  /** list as of a past revision; throws StoreError Compacted / FutureRevision */
  listAt(prefix: string, revision: number): ListResult;
  count(prefix: string): number;

  /** throws KeyExists */
  create(key: string, value: KubeObject): KeyValue;
  /** throws NotFound, or Conflict when expectedModRevision is given and differs */
  update(key: string, value: KubeObject, expectedModRevision?: number): KeyValue;
  /** returns the deleted value; throws NotFound, or Conflict when expectedModRevision differs */
  delete(key: string, expectedModRevision?: number): KeyValue;
  /**
   * All-or-nothing: when every compare holds, apply ops as ONE revision (etcd Txn) and return true;
   * otherwise change nothing and return false.
   */
  txn(compares: readonly TxnCompare[], ops: readonly TxnOp[]): boolean;

  /**
   * Watch keys under prefix. Events are delivered synchronously after each write, in revision order,
   * one call per revision (atomic). Throws StoreError Compacted when fromRevision < compactRevision.
   * Listeners must not write to the store synchronously (schedule on the Simulation instead).
   */
  watch(prefix: string, listener: WatchListener, options?: WatchOptions): WatchHandle;

  /** drop history at revisions < revision (etcd Compact); later watches/reads below it fail with Compacted */
  compact(revision: number): void;
}
