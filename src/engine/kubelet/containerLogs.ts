// What the containers of this cluster wrote to stdout/stderr, as the container runtime keeps it under
// /var/log/pods: lines with the (virtual) time they were written, per container instance (containerID). Like the
// kubelet's container GC (MaxPerPodContainer 1), a container keeps the logs of its running instance and of the one
// before it (what `kubectl logs --previous` reads); a pod's logs go when the kubelet forgets the pod.

export interface LogLine {
  readonly timeMs: number;
  readonly text: string;
}

export type LogListener = (containerID: string, line: LogLine) => void;

/** at most this many lines per container instance (the kubelet rotates at --container-log-max-size) */
const MAX_LINES = 10_000;

export class ContainerLogs {
  private readonly lines = new Map<string, LogLine[]>();
  /** containerIDs per pod uid + container name, oldest first */
  private readonly instances = new Map<string, string[]>();
  private readonly listeners = new Set<LogListener>();

  /**
   * a line written by one instance of a pod's container; the first line of a new instance drops the logs of all
   * but the instance before it (only containers that write are tracked, so a silent container costs nothing)
   */
  write(podUid: string, container: string, containerID: string, timeMs: number, text: string): void {
    let lines = this.lines.get(containerID);
    if (!lines) {
      this.lines.set(containerID, (lines = []));
      const key = `${podUid}/${container}`;
      const ids = this.instances.get(key) ?? [];
      ids.push(containerID);
      while (ids.length > 2) this.lines.delete(ids.shift() as string);
      this.instances.set(key, ids);
    }
    const line = { timeMs, text };
    lines.push(line);
    if (lines.length > MAX_LINES) lines.shift();
    for (const l of this.listeners) l(containerID, line);
  }

  read(containerID: string): readonly LogLine[] {
    return this.lines.get(containerID) ?? [];
  }

  /** the pod is gone from the node: its containers and their logs are removed */
  forgetPod(podUid: string, containers: readonly string[]): void {
    if (this.instances.size === 0) return;
    for (const name of containers) {
      const key = `${podUid}/${name}`;
      for (const id of this.instances.get(key) ?? []) this.lines.delete(id);
      this.instances.delete(key);
    }
  }

  /** follow new lines (kubectl logs -f); returns the unsubscribe */
  onWrite(listener: LogListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
