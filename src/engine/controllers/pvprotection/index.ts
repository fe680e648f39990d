// The PV protection controller (kube-controller-manager's persistentvolume-protection-controller).
export { pvProtectionController, PV_PROTECTION_CONTROLLER_NAME, isPVBeingUsed } from './controller';
