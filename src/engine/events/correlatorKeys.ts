// The EventCorrelator's cache keys (events_cache.go getSpamKey, and the spam key + reason that
// EventAggregatorByReasonFunc uses), memoised per involved object: an object gets several Events from one source
// in a row, and reusing one flat string (whose hash V8 keeps) spares a concatenation and a re-hash per lookup.
// A memo only: every key returned is exactly the concatenation of its fields, so the LRUs see the same strings.

/** the keys of one (source, object, type) */
export interface SpamKeys {
  readonly component: string;
  readonly host: string;
  readonly type: string;
  /** getSpamKey: the fields joined with no separator (fieldPath is always '') */
  readonly spam: string;
  /** [reason, spam + reason] pairs already built */
  readonly aggregates: string[];
}

interface ObjectKeys {
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  apiVersion: string;
  sources: SpamKeys[];
}

/** how many objects the memo remembers before it starts afresh (it is only a memo, so forgetting is safe) */
const MAX_OBJECTS = 8192;
/** (source, type) pairs and reasons remembered per object; more are built each time */
const MAX_PER_OBJECT = 16;

export interface InvolvedFields {
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
  apiVersion?: string;
}

export class CorrelatorKeys {
  private readonly objects = new Map<string, ObjectKeys>();

  /** the spam keys of (component, host, object, type) */
  spamKeys(component: string, host: string, ref: InvolvedFields, type: string): SpamKeys {
    const obj = this.objectKeys(ref);
    const sources = obj.sources;
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i] as SpamKeys;
      if (s.component === component && s.host === host && s.type === type) return s;
    }
    const spam = `${component}${host}${obj.kind}${obj.namespace}${obj.name}${obj.uid}${obj.apiVersion}${type}`;
    const made: SpamKeys = { component, host, type, spam, aggregates: [] };
    if (sources.length < MAX_PER_OBJECT) sources.push(made);
    return made;
  }

  /** spam key + reason */
  aggregateKey(keys: SpamKeys, reason: string): string {
    const pairs = keys.aggregates;
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === reason) return pairs[i + 1] as string;
    const key = keys.spam + reason;
    if (pairs.length < 2 * MAX_PER_OBJECT) pairs.push(reason, key);
    return key;
  }

  private objectKeys(ref: InvolvedFields): ObjectKeys {
    const namespace = ref.namespace ?? '';
    const uid = ref.uid ?? '';
    const id = uid === '' ? ref.name : uid;
    const hit = this.objects.get(id);
    if (
      hit !== undefined &&
      hit.uid === uid &&
      hit.name === ref.name &&
      hit.namespace === namespace &&
      hit.kind === ref.kind &&
      hit.apiVersion === (ref.apiVersion ?? '')
    ) {
      return hit;
    }
    if (hit === undefined && this.objects.size >= MAX_OBJECTS) this.objects.clear();
    const made: ObjectKeys = {
      kind: ref.kind,
      namespace,
      name: ref.name,
      uid,
      apiVersion: ref.apiVersion ?? '',
      sources: [],
    };
    this.objects.set(id, made);
    return made;
  }
}
