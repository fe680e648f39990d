// Starting a pod, stage by stage (admit -> sandbox -> per container: pull -> create/start; init containers run to
// completion first), mirroring pkg/kubelet/kuberuntime/kuberuntime_manager.go SyncPod and its Events.
import type { KubeletOps } from './kubeletOps';
import type { ContainerRun, PodWorker } from './podWorker';
import { appContainers, initContainers, podKey, setCondition } from './podWorker';
import { alreadyPresentMessage, needsPull, pulledMessage, pullingMessage } from './images';
import { armProbes, behaviourOf, containerReady } from './probeFlow';
import { onContainerExit } from './crashFlow';
import { neverPull, pullFailed } from './imagePullFlow';
import { demoExitLog, demoStartLog, pullError } from './demoImages';

interface ContainerSpecLite {
  name: string;
  image?: string;
  imagePullPolicy?: string;
}

function nodeInternalIP(ops: KubeletOps, node: string): string | undefined {
  const addrs = (ops.nodeOf(node)?.status as { addresses?: { type: string; address: string }[] } | undefined)
    ?.addresses;
  return addrs?.find((a) => a.type === 'InternalIP')?.address;
}

/** stage admit: the kubelet accepts the pod; Pending with containers waiting */
export function admit(ops: KubeletOps, w: PodWorker): void {
  const now = ops.nowMs();
  w.hostIP = nodeInternalIP(ops, w.node);
  w.startTimeMs = now;
  const hasInit = initContainers(w).length > 0;
  for (const c of w.containers) c.waitingReason = c.init || hasInit ? 'PodInitializing' : 'ContainerCreating';
  setCondition(w, 'PodReadyToStartContainers', 'False', now);
  setCondition(w, 'Initialized', hasInit ? 'False' : 'True', now);
  setCondition(w, 'Ready', 'False', now);
  setCondition(w, 'ContainersReady', 'False', now);
  ops.writeStatus(w, `kubelet stage admit: pod ${podKey(w)} admitted on ${w.node}`);
  ops.after(w, 'flow', ops.delayOf('sandbox'), 'sandbox', () => sandbox(ops, w));
}

/**
 * stage sandbox: the pod sandbox is up and the CNI plugin gave it an IP (hostNetwork pods: the node's). Nothing is
 * written yet: kubelet.go SyncPod sets the pod status before containerRuntime.SyncPod creates the sandbox, pulls and
 * starts containers, so the IP and PodReadyToStartContainers=True reach the API with the next status (the started
 * container, or the image pull error), whose generation also stamps the condition's transition time.
 */
export function sandbox(ops: KubeletOps, w: PodWorker): void {
  if (!w.podIP) w.podIP = ops.ipam.setUp(ops.nodeOf(w.node), ops.podOf(w), w.hostIP);
  w.sandboxReady = true;
  nextContainer(ops, w);
}

function specOf(ops: KubeletOps, w: PodWorker, c: ContainerRun): ContainerSpecLite | undefined {
  const spec = ops.podOf(w)?.spec as
    { containers?: ContainerSpecLite[]; initContainers?: ContainerSpecLite[] } | undefined;
  return (c.init ? spec?.initContainers : spec?.containers)?.find((s) => s.name === c.name);
}

/** the next container of the start flow: pull its image if needed, then create and start it */
export function nextContainer(ops: KubeletOps, w: PodWorker): void {
  const c = w.containers[w.cursor];
  if (!c) return;
  // computePodActions never starts again a container of an OnFailure pod that succeeded (met after a reboot)
  if (
    !c.init &&
    w.restartPolicy === 'OnFailure' &&
    c.state === 'terminated' &&
    c.terminated?.exitCode === 0
  ) {
    w.cursor++;
    nextContainer(ops, w);
    return;
  }
  const policy = specOf(ops, w, c)?.imagePullPolicy;
  const present = ops.images.isPresent(w.node, c.image);
  if (policy === 'Never' && !present) return neverPull(ops, w, c);
  if (needsPull(policy, c.image, present)) {
    ops.event(w, 'Normal', 'Pulling', pullingMessage(c.image));
    ops.trace(w, 'pullImage', `kubelet stage pullImage: pulling ${c.image} for container ${c.name}`);
    const pullMs = ops.delayOf('pullImage');
    ops.after(w, 'flow', pullMs, `pull ${c.image}`, () => {
      const error = pullError(c.image);
      if (error) return pullFailed(ops, w, c, error, () => nextContainer(ops, w));
      c.pullFailures = 0;
      c.waitingReason = 'ContainerCreating';
      c.waitingMessage = undefined;
      ops.images.markPulled(w.node, c.image);
      ops.event(w, 'Normal', 'Pulled', pulledMessage(c.image, pullMs, pullMs, ops.images.sizeBytes(c.image)));
      ops.after(w, 'flow', ops.delayOf('createContainer'), `create ${c.name}`, () =>
        startContainer(ops, w, c),
      );
    });
    return;
  }
  ops.event(w, 'Normal', 'Pulled', alreadyPresentMessage(c.image));
  ops.after(w, 'flow', ops.delayOf('createContainer'), `create ${c.name}`, () => startContainer(ops, w, c));
}

/**
 * create + start one container (Created, Started Events) and post its running state. A container that ran before is
 * a new instance: kuberuntime_container.go startContainer counts restartCount = the previous instance's + 1, and
 * the previous instance's exit becomes lastState.
 */
export function startContainer(ops: KubeletOps, w: PodWorker, c: ContainerRun): void {
  const now = ops.nowMs();
  if (c.containerID) {
    if (c.terminated) c.lastTerminated = c.terminated;
    c.restartCount++;
  }
  c.containerID = `containerd://${ops.rng.string(64, '0123456789abcdef')}`;
  const startLog = demoStartLog(c.image);
  if (startLog !== undefined) ops.logs.write(w.uid, c.name, c.containerID, now, startLog);
  c.state = 'running';
  c.startedAtMs = now;
  c.terminated = undefined;
  c.waitingMessage = undefined;
  c.ready = false;
  c.faults.hung = false;
  c.started = !c.probes.some((p) => p.spec.type === 'startup');
  ops.event(w, 'Normal', 'Created', `Created container: ${c.name}`);
  ops.event(w, 'Normal', 'Started', `Started container ${c.name}`);
  if (c.init) {
    // init containers running again (after a reboot) make the pod uninitialized until they complete
    setCondition(w, 'Initialized', 'False', now);
    ops.writeStatus(w, `kubelet stage createContainer: init container ${c.name} started`);
    ops.after(w, 'flow', ops.delayOf('initContainerRun'), `init ${c.name} runs`, () =>
      initContainerDone(ops, w, c),
    );
    return;
  }
  c.ready = containerReady(c);
  armProbes(ops, w, c);
  const crashMs = behaviourOf(w, c).crashAfterMs;
  if (crashMs !== undefined)
    ops.after(w, `crash:${c.name}`, crashMs, `${c.name} exits`, () => {
      const code = behaviourOf(w, c).exitCode;
      const exitLog = demoExitLog(c.image, code);
      if (exitLog !== undefined && c.containerID)
        ops.logs.write(w.uid, c.name, c.containerID, ops.nowMs(), exitLog);
      onContainerExit(ops, w, c, code);
    });
  const inStartFlow = w.containers[w.cursor] === c;
  if (inStartFlow) w.cursor++;
  updateReadiness(ops, w);
  const allStarted = w.cursor >= w.containers.length;
  ops.writeStatus(
    w,
    allStarted
      ? `kubelet stage createContainer: container ${c.name} started, all containers running`
      : `kubelet stage createContainer: container ${c.name} started`,
  );
  if (inStartFlow) nextContainer(ops, w);
}

/** an init container exited 0; when it was the last, the pod is Initialized */
function initContainerDone(ops: KubeletOps, w: PodWorker, c: ContainerRun): void {
  const now = ops.nowMs();
  c.state = 'terminated';
  c.terminated = {
    exitCode: 0,
    reason: 'Completed',
    startedAtMs: c.startedAtMs ?? now,
    finishedAtMs: now,
    containerID: c.containerID ?? '',
  };
  w.cursor++;
  if (initContainers(w).every((i) => i.state === 'terminated')) {
    setCondition(w, 'Initialized', 'True', now);
    for (const a of appContainers(w)) if (a.state === 'waiting') a.waitingReason = 'PodInitializing';
  }
  ops.writeStatus(w, `kubelet stage initContainerRun: init container ${c.name} completed`);
  nextContainer(ops, w);
}

/** ContainersReady/Ready follow the app containers (readiness gates not modelled) */
export function updateReadiness(ops: KubeletOps, w: PodWorker): void {
  const ready = appContainers(w).every((a) => a.ready) && !w.terminating;
  const now = ops.nowMs();
  setCondition(w, 'ContainersReady', ready ? 'True' : 'False', now);
  setCondition(w, 'Ready', ready ? 'True' : 'False', now);
}
