// `kubectl apply -f -`: client-side apply with the last-applied-configuration annotation and a three-way strategic
// merge patch. mirrors k8s.io/kubectl/pkg/cmd/apply/apply.go applyOneObject and patcher.go Patch.
import { commandNamespace } from '../resourceName';
import { StatusError, type ResourceInfo } from '../../apiserver/types';
import { hasReason } from '../../apiserver/errors';
import { isUnknownResource } from '../../apiserver/registry';
import type { ClusterRuntime } from '../../cluster/types';
import type { JsonObject, JsonValue } from '../../types/json';
import type { KubeObject } from '../../types/object';
import { applyStrategicMergePatch } from '../../patch/strategicMerge';
import { createThreeWayMergePatch } from '../../patch/threeWay';
import type { CommandSpec } from '../types';
import {
  dryRunFlag,
  dryRunOf,
  errorLine,
  fieldManagerFlag,
  filenameFlag,
  mutableCopy,
  namespaceFlag,
  outputFlag,
  outputOf,
  readManifests,
  requestCtx,
  resultLine,
  sourceErrorLine,
  validateFlag,
  LineError,
  type DryRun,
} from './writeSupport';
import { resolveManifestTarget, resourceArg } from './writeTargets';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** compact JSON with map keys sorted, as Go's encoding/json writes a map[string]interface{} */
export function goJson(v: JsonValue | undefined): string {
  if (v === null || v === undefined || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${goJson(v[k])}`).join(',')}}`;
}

/**
 * mirrors k8s.io/kubectl/pkg/util/apply.go GetModifiedConfiguration(annotate=true): the object without the
 * annotation, encoded (with a trailing newline, as json.Encoder writes it), stored into the annotation.
 */
export function withLastApplied(obj: KubeObject): KubeObject {
  const copy = mutableCopy(obj);
  const annotations: Record<string, string> = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  // an absent annotations map becomes {} (unstructured.SetAnnotations with an empty, non-nil map)
  copy.metadata.annotations = annotations;
  const lastApplied = `${goJson(copy as unknown as JsonObject)}\n`;
  copy.metadata.annotations = { ...annotations, [LAST_APPLIED]: lastApplied };
  return copy;
}

/** cli-runtime resource.Info.String() */
export function infoString(info: ResourceInfo, name: string, namespace: string | undefined): string {
  return (
    `Resource: "${info.group}/${info.version}, Resource=${info.plural}", GroupVersionKind: "${info.group}/${info.version}, Kind=${info.kind}"\n` +
    `Name: "${name}", Namespace: "${namespace ?? ''}"`
  );
}

interface ApplyOpts {
  source: string;
  /** -n as given (cli-runtime's enforceNamespace: only an explicit flag must agree with a manifest) */
  flagNamespace: string | undefined;
  /** -n, else the current context's namespace */
  defaultNamespace: string;
  dry: DryRun;
  output: string | undefined;
  fieldManager: string;
  stderr: string[];
}

/**
 * patcher.go Patch: the three-way strategic merge patch from the last-applied configuration (the original), the
 * modified configuration (with its new last-applied annotation) and the live object
 */
export function applyPatch(current: KubeObject, modified: KubeObject, kind: string): JsonObject {
  const lastApplied = current.metadata.annotations?.[LAST_APPLIED];
  let original: JsonObject | undefined;
  try {
    original = lastApplied ? (JSON.parse(lastApplied) as JsonObject) : undefined;
  } catch {
    original = undefined;
  }
  return createThreeWayMergePatch(
    original,
    modified as unknown as JsonObject,
    current as unknown as JsonObject,
    kind,
  );
}

function createObject(
  rt: ClusterRuntime,
  info: ResourceInfo,
  ns: string | undefined,
  modified: KubeObject,
  o: ApplyOpts,
): string {
  let created = modified;
  if (o.dry !== 'client') {
    try {
      created = rt.api.create(resourceArg(info), ns, modified, requestCtx('apply', o.dry, o.fieldManager));
    } catch (e) {
      throw new LineError(sourceErrorLine('creating', o.source, e));
    }
  }
  return resultLine(info, created, 'created', o.output, o.dry);
}

function patchObject(
  rt: ClusterRuntime,
  info: ResourceInfo,
  ns: string | undefined,
  modified: KubeObject,
  current: KubeObject,
  o: ApplyOpts,
): string {
  const name = modified.metadata.name ?? '';
  if (current.metadata.annotations?.[LAST_APPLIED] === undefined) {
    o.stderr.push(
      `Warning: resource ${info.plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  const patch = applyPatch(current, modified, info.kind);
  if (Object.keys(patch).length === 0) return resultLine(info, current, 'unchanged', o.output, o.dry);
  let patched: KubeObject;
  if (o.dry === 'client') {
    patched = applyStrategicMergePatch(
      mutableCopy(current) as unknown as JsonObject,
      patch,
      info.kind,
    ) as unknown as KubeObject;
  } else {
    try {
      patched = rt.api.patch(
        resourceArg(info),
        ns,
        name,
        'strategic',
        patch,
        requestCtx('apply', o.dry, o.fieldManager),
      );
    } catch (e) {
      const where = `applying patch:\n${goJson(patch)}\nto:\n${infoString(info, name, ns)}\nfor:`;
      throw new LineError(sourceErrorLine(where, o.source, e));
    }
  }
  return resultLine(info, patched, 'configured', o.output, o.dry);
}

/** apply one manifest object; returns the stdout text, throws LineError with kubectl's message */
function applyOne(rt: ClusterRuntime, obj: KubeObject, o: ApplyOpts): string {
  // the builder sets the namespace on the object, so last-applied records it
  const { info, ns, target } = resolveManifestTarget(rt, obj, o.source, o.flagNamespace, o.defaultNamespace);
  const name = target.metadata.name ?? '';
  if (name === '') {
    throw new LineError(
      `error: error when retrieving current configuration of:\n${infoString(info, name, ns)}\nfrom server for: "${o.source}": resource name may not be empty`,
    );
  }
  const modified = withLastApplied(target);
  let current: KubeObject;
  try {
    current = rt.api.get(resourceArg(info), ns, name);
  } catch (e) {
    if (hasReason(e, 'NotFound') && !isUnknownResource(e)) return createObject(rt, info, ns, modified, o);
    const where = `retrieving current configuration of:\n${infoString(info, name, ns)}\nfrom server for:`;
    throw new LineError(sourceErrorLine(where, o.source, e));
  }
  return patchObject(rt, info, ns, modified, current, o);
}

export const applyCommand: CommandSpec = {
  path: ['apply'],
  summary: 'Apply a configuration to a resource by file name or stdin',
  flags: [
    filenameFlag,
    namespaceFlag,
    outputFlag,
    dryRunFlag,
    validateFlag,
    fieldManagerFlag,
    { name: 'server-side', type: 'bool' },
    { name: 'prune', type: 'bool' },
    { name: 'force-conflicts', type: 'bool' },
    { name: 'overwrite', type: 'bool', default: true },
    { name: 'recursive', short: 'R', type: 'bool' },
  ],
  run(args, ctx) {
    if (args.bool('server-side')) {
      return {
        code: 1,
        stdout: '',
        stderr:
          'error: --server-side apply is not supported by kubesim; use client-side apply (omit --server-side)\n',
      };
    }
    if (args.bool('prune')) {
      return { code: 1, stdout: '', stderr: 'error: --prune is not supported by kubesim\n' };
    }
    const dry = dryRunOf(args);
    const output = outputOf(args);
    const { source, objects } = readManifests(args, ctx.stdin, 'apply');
    const o: ApplyOpts = {
      source,
      flagNamespace: args.has('namespace') ? args.string('namespace') || undefined : undefined,
      defaultNamespace: commandNamespace(args.string('namespace')),
      dry,
      output,
      fieldManager: args.string('field-manager') ?? 'kubectl-client-side-apply',
      stderr: [],
    };
    const out: string[] = [];
    const errors: string[] = [];
    for (const obj of objects) {
      try {
        out.push(applyOne(ctx.rt, obj, o));
      } catch (e) {
        if (e instanceof LineError) errors.push(e.message);
        else if (e instanceof StatusError) errors.push(errorLine(e));
        else throw e;
      }
    }
    const stdout = output === 'yaml' ? out.join('---\n') : out.join('');
    const stderr = o.stderr.join('') + errors.map((l) => `${l}\n`).join('');
    return { code: errors.length > 0 ? 1 : 0, stdout, stderr };
  },
};
