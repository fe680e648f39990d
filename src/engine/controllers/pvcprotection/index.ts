// The PVC protection controller (kube-controller-manager's persistentvolumeclaim-protection-controller).
export {
  pvcProtectionController,
  PVC_PROTECTION_CONTROLLER_NAME,
  isDeletionCandidate,
  needToAddFinalizer,
  isPodTerminated,
  podIsShutDown,
  podUsesPVC,
} from './controller';
