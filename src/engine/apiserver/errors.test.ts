import { describe, expect, it } from 'vitest';
import {
  formatInvalidForKubectl,
  newAlreadyExists,
  newConflict,
  newForbidden,
  newGone,
  newInvalid,
  newMethodNotAllowed,
  newNamespaceNotFound,
  newNamespaceTerminating,
  newNotFound,
} from './errors';
import { fieldError } from './fieldErrors';

const deployments = { group: 'apps', plural: 'deployments' };
const pods = { group: '', plural: 'pods' };

describe('Status errors', () => {
  const cases = [
    {
      name: 'not found (group)',
      err: newNotFound(deployments, 'web'),
      code: 404,
      reason: 'NotFound',
      message: 'deployments.apps "web" not found',
    },
    {
      name: 'not found (core)',
      err: newNotFound(pods, 'p'),
      code: 404,
      reason: 'NotFound',
      message: 'pods "p" not found',
    },
    {
      name: 'already exists',
      err: newAlreadyExists(deployments, 'web'),
      code: 409,
      reason: 'AlreadyExists',
      message: 'deployments.apps "web" already exists',
    },
    {
      name: 'conflict',
      err: newConflict(deployments, 'web'),
      code: 409,
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    },
    {
      name: 'gone',
      err: newGone('5', 10),
      code: 410,
      reason: 'Expired',
      message: 'too old resource version: 5 (10)',
    },
    {
      name: 'forbidden',
      err: newForbidden(pods, 'p', 'nope'),
      code: 403,
      reason: 'Forbidden',
      message: 'pods "p" is forbidden: nope',
    },
    {
      name: 'forbidden without name',
      err: newForbidden(pods, '', 'nope'),
      code: 403,
      reason: 'Forbidden',
      message: 'pods is forbidden: nope',
    },
    {
      name: 'namespace not found',
      err: newNamespaceNotFound('foo'),
      code: 404,
      reason: 'NotFound',
      message: 'namespaces "foo" not found',
    },
    {
      name: 'namespace terminating',
      err: newNamespaceTerminating(pods, 'p', 'foo'),
      code: 403,
      reason: 'Forbidden',
      message:
        'pods "p" is forbidden: unable to create new content in namespace foo because it is being terminated',
    },
    {
      name: 'method not allowed',
      err: newMethodNotAllowed(pods, 'deletecollection'),
      code: 405,
      reason: 'MethodNotAllowed',
      message: 'deletecollection is not supported on resources of kind "pods"',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect([c.err.status.code, c.err.status.reason, c.err.message]).toEqual([c.code, c.reason, c.message]);
    });
  }
});

describe('newInvalid', () => {
  const one = [fieldError.invalid('spec.replicas', -1, 'must be greater than or equal to 0')];
  const two = [...one, fieldError.required('spec.selector')];

  it('builds the NewInvalid message and causes', () => {
    const e = newInvalid({ group: 'apps', kind: 'Deployment' }, 'web', one);
    expect(e.status.code).toBe(422);
    expect(e.message).toBe(
      'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
    expect(e.status.details?.causes).toEqual([
      {
        reason: 'FieldValueInvalid',
        message: 'Invalid value: -1: must be greater than or equal to 0',
        field: 'spec.replicas',
      },
    ]);
    expect(newInvalid({ group: '', kind: 'Pod' }, 'p', two).message).toBe(
      'Pod "p" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.selector: Required value]',
    );
  });

  it('prints like kubectl: one cause inline, several as bullets', () => {
    expect(
      formatInvalidForKubectl(newInvalid({ group: 'apps', kind: 'Deployment' }, 'web', one).status),
    ).toBe(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
    expect(
      formatInvalidForKubectl(newInvalid({ group: 'apps', kind: 'Deployment' }, 'web', two).status),
    ).toBe(
      'The Deployment "web" is invalid: \n* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n* spec.selector: Required value',
    );
  });
});
