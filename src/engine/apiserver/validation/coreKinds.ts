// Namespace, ConfigMap, Secret and Node validation.
// mirrors pkg/apis/core/validation/validation.go ValidateNamespace / ValidateConfigMap / ValidateSecret / ValidateNode.
import type { NodeSpec, Taint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../types/object';
import { fieldError, type FieldError } from '../fieldErrors';
import { goTaint } from './goFormat';
import { validateFinalizers, validateLabelName } from './meta';
import { isConfigMapKey, isValidLabelValue } from './names';
import { validateTaintEffect } from './scheduling';
import { quantityAt } from './resources';

const MAX_SECRET_SIZE = 1024 * 1024;

export function validateNamespaceSpec(ns: KubeObject): FieldError[] {
  const finalizers = ((ns.spec ?? {}) as { finalizers?: string[] }).finalizers;
  return validateFinalizers(finalizers, 'spec.finalizers');
}

/** data keys of ConfigMaps and Secrets; `dup` is the other bag (binaryData) */
function validateDataKeys(
  data: Record<string, unknown> | undefined,
  bag: string,
  dup?: Record<string, unknown>,
): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of Object.keys(data ?? {}).sort()) {
    const p = `${bag}[${key}]`;
    for (const msg of isConfigMapKey(key)) errs.push(fieldError.invalid(p, key, msg));
    if (dup && key in dup) errs.push(fieldError.invalid(p, key, 'duplicate of key present in binaryData'));
  }
  return errs;
}

function totalSize(...bags: (Record<string, unknown> | undefined)[]): number {
  let n = 0;
  for (const bag of bags) for (const v of Object.values(bag ?? {})) n += String(v).length;
  return n;
}

export function validateConfigMapData(cm: KubeObject): FieldError[] {
  const data = cm.data as Record<string, unknown> | undefined;
  const binary = cm.binaryData as Record<string, unknown> | undefined;
  const errs = [...validateDataKeys(data, 'data', binary), ...validateDataKeys(binary, 'binaryData')];
  if (totalSize(data, binary) > MAX_SECRET_SIZE) errs.push(fieldError.tooLong('', MAX_SECRET_SIZE));
  return errs;
}

/** keys each built-in Secret type requires */
const REQUIRED_SECRET_KEYS: Record<string, string[]> = {
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
};

export function validateSecretData(secret: KubeObject): FieldError[] {
  const data = {
    ...((secret.data ?? {}) as Record<string, unknown>),
    ...((secret.stringData ?? {}) as Record<string, unknown>),
  };
  const errs = validateDataKeys(data, 'data');
  const type = String(secret.type ?? 'Opaque');
  for (const k of REQUIRED_SECRET_KEYS[type] ?? [])
    if (!(k in data)) errs.push(fieldError.required(`data[${k}]`, ''));
  if (
    type === 'kubernetes.io/service-account-token' &&
    !secret.metadata.annotations?.['kubernetes.io/service-account.name']
  ) {
    errs.push(fieldError.required('metadata.annotations[kubernetes.io/service-account.name]', ''));
  }
  if (type === 'kubernetes.io/basic-auth' && !('username' in data) && !('password' in data)) {
    errs.push(fieldError.required('data[username]', ''));
    errs.push(fieldError.required('data[password]', ''));
  }
  if (totalSize(data) > MAX_SECRET_SIZE) errs.push(fieldError.tooLong('data', MAX_SECRET_SIZE));
  return errs;
}

/** validateNodeTaints: label-like key and value, known effect, unique by key and effect */
function validateTaints(taints: Taint[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  taints.forEach((t, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateLabelName(t.key ?? '', `${p}.key`));
    for (const msg of isValidLabelValue(t.value ?? ''))
      errs.push(fieldError.invalid(`${p}.value`, t.value ?? '', msg));
    errs.push(...validateTaintEffect(t.effect, false, `${p}.effect`));
    const k = `${t.effect}\u0000${t.key}`;
    if (seen.has(k))
      errs.push({
        ...fieldError.duplicate(p, goTaint(t)),
        detail: 'taints must be unique by key and effect pair',
      });
    seen.add(k);
  });
  return errs;
}

export function validateNodeSpecAndStatus(node: KubeObject): FieldError[] {
  const spec = (node.spec ?? {}) as NodeSpec;
  const errs = validateTaints(spec.taints ?? [], 'spec.taints');
  const status = (node.status ?? {}) as {
    capacity?: Record<string, string>;
    allocatable?: Record<string, string>;
  };
  for (const bag of ['capacity', 'allocatable'] as const) {
    for (const [name, v] of Object.entries(status[bag] ?? {})) {
      const p = `status.${bag}[${name}]`;
      const q = quantityAt(v, p, errs);
      if (q && q.sign() < 0)
        errs.push(fieldError.invalid(p, q.toString(), 'must be greater than or equal to 0'));
    }
  }
  return errs;
}
