// `sim volume show NAME | pod/NAME [-n NS]`: what data a claim's volume (or each volume of a pod) holds, so a learner
// sees web-0 return to its own PersistentVolume while a Deployment pod's emptyDir starts empty every time.
import { alignColumns } from '../printers/tabwriter';
import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { StatusError } from '../../apiserver/types';
import type { ClusterRuntime } from '../../cluster/types';
import { ANN_DATA_LAST_WRITER, emptyDirWrites, pvWrites, runningSinceMs } from '../../storage/dataModel';
import type { KubeObject } from '../../types/object';
import type { CommandResult, CommandSpec } from '../types';
import { fail, ok } from '../types';

function tryGet(
  rt: ClusterRuntime,
  resource: string,
  ns: string | undefined,
  name: string,
): KubeObject | undefined {
  try {
    return rt.api.get(resource, ns, name);
  } catch (e) {
    if (e instanceof StatusError && e.status.code === 404) return undefined;
    throw e;
  }
}

/** where the volume can be used: its node (local volumes) or its zone (zonal cloud disks) */
function pvPlace(pv: Readonly<PersistentVolume> | undefined): [string, string] {
  const terms = pv?.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
  const exprs = terms[0]?.matchExpressions ?? [];
  const node = exprs.find((e) => e.key === 'kubernetes.io/hostname');
  if (node) return ['Node:', node.values?.join(',') ?? '<any>'];
  const zone = exprs.find((e) => e.key === 'topology.kubernetes.io/zone');
  if (zone) return ['Zone:', zone.values?.join(',') ?? '<any>'];
  return ['Node:', '<any>'];
}

/** the data a claim's volume holds: `<writes> writes (last by <pod>)` */
function claimData(
  rt: ClusterRuntime,
  claim: Readonly<PersistentVolumeClaim>,
): { volume: string; data: string; pv?: PersistentVolume } {
  const pvName = claim.spec?.volumeName;
  const pv = pvName
    ? (tryGet(rt, 'persistentvolumes', undefined, pvName) as PersistentVolume | undefined)
    : undefined;
  if (!pv) return { volume: '<none>', data: 'no volume bound yet' };
  const writes = pvWrites(pv as unknown as KubeObject);
  const last = pv.metadata?.annotations?.[ANN_DATA_LAST_WRITER];
  return { volume: pvName ?? '', data: `${writes} writes${last ? ` (last by ${last})` : ''}`, pv };
}

function showClaim(rt: ClusterRuntime, ns: string, name: string): CommandResult {
  const claim = tryGet(rt, 'persistentvolumeclaims', ns, name) as PersistentVolumeClaim | undefined;
  if (!claim) return fail(`Error from server (NotFound): persistentvolumeclaims "${name}" not found\n`);
  const { volume, data, pv } = claimData(rt, claim);
  const users = rt.api
    .list('pods', ns)
    .items.filter((p) =>
      ((p as Pod).spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === name),
    )
    .map(
      (p) =>
        `${p.metadata.name ?? ''} (${(p as Pod).status?.phase ?? 'Pending'}${p.metadata.deletionTimestamp ? ', Terminating' : ''})`,
    );
  const rows = [
    ['Claim:', `${ns}/${name}`],
    ['Status:', claim.status?.phase ?? 'Pending'],
    ['Volume:', volume],
    pv ? pvPlace(pv) : ['Node:', '<none>'],
    ['ReclaimPolicy:', pv?.spec?.persistentVolumeReclaimPolicy ?? '<none>'],
    ['Data:', data],
    ['Mounted by:', users.join(', ') || '<none>'],
  ];
  return ok(alignColumns(rows));
}

function showPod(rt: ClusterRuntime, ns: string, name: string): CommandResult {
  const pod = tryGet(rt, 'pods', ns, name) as Pod | undefined;
  if (!pod) return fail(`Error from server (NotFound): pods "${name}" not found\n`);
  const since = runningSinceMs(pod as unknown as KubeObject, (t) => rt.sim.clock.fromRfc3339(t));
  const rows = [['VOLUME', 'TYPE', 'SOURCE', 'DATA']];
  for (const v of pod.spec?.volumes ?? []) {
    if (v.emptyDir) {
      rows.push([
        v.name,
        'emptyDir',
        '(created with this pod)',
        `${emptyDirWrites(since, rt.sim.clock.nowMs())} writes`,
      ]);
    } else if (v.persistentVolumeClaim) {
      const claim = tryGet(rt, 'persistentvolumeclaims', ns, v.persistentVolumeClaim.claimName) as
        PersistentVolumeClaim | undefined;
      const d = claim ? claimData(rt, claim) : { volume: '<missing claim>', data: '-' };
      rows.push([
        v.name,
        'PersistentVolumeClaim',
        `${v.persistentVolumeClaim.claimName} -> ${d.volume}`,
        d.data,
      ]);
    }
  }
  if (rows.length === 1) return ok(`pod ${ns}/${name} has no emptyDir or PersistentVolumeClaim volumes\n`);
  return ok(alignColumns(rows));
}

export const volumeCommand: CommandSpec = {
  path: ['volume', 'show'],
  summary: "Show the simulated data on a claim's volume (NAME) or on each volume of a pod (pod/NAME)",
  flags: [{ name: 'namespace', short: 'n', type: 'string', help: 'namespace of the claim or pod' }],
  run(args, { rt }) {
    if (args.positionals.length !== 1)
      return fail('error: sim volume show needs exactly one NAME (a PVC) or pod/NAME\n');
    const ns = args.string('namespace') ?? 'default';
    const target = args.positionals[0] as string;
    const m = /^(pod|pods|po)\/(.+)$/.exec(target);
    if (m) return showPod(rt, ns, m[2] as string);
    return showClaim(rt, ns, target.replace(/^(persistentvolumeclaims?|pvc)\//, ''));
  },
};
