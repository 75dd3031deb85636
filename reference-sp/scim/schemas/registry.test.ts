import { describe, expect, it } from 'vitest';
import { parseAttrPath } from '../types/filter/parser.ts';
import { ScimError } from '../types/errors.ts';
import { SchemaRegistry } from './registry.ts';
import { CORE_USER, ENTERPRISE, NINJAONE_EXTENSION, NINJAONE_SCHEMA_ID, registryWithNinjaOne } from './test-fixtures.ts';

const registry = registryWithNinjaOne();
const path = (s: string) => parseAttrPath(s, ScimError.invalidPath);

describe('SchemaRegistry (RFC 7643 §3, §6, §7)', () => {
  it('lists User and Group with their extensions', () => {
    expect(registry.resourceTypes().map((t) => [t.name, t.endpoint, t.schemaExtensions.map((e) => e.schema)])).toEqual([
      ['User', '/Users', [ENTERPRISE, NINJAONE_SCHEMA_ID]],
      ['Group', '/Groups', []],
    ]);
    expect(registry.resourceType('users')?.name).toBe('User');
    expect(registry.resourceType('/Groups')?.name).toBe('Group');
    expect(registry.resourceType('Devices')).toBeUndefined();
  });

  it.each([
    ['userName', CORE_USER, false, 'userName', undefined],
    ['USERNAME', CORE_USER, false, 'userName', undefined],
    ['name.givenname', CORE_USER, false, 'name', 'givenName'],
    ['id', CORE_USER, false, 'id', undefined],
    ['meta.lastModified', CORE_USER, false, 'meta', 'lastModified'],
    [`${CORE_USER}:emails.value`, CORE_USER, false, 'emails', 'value'],
    [`${ENTERPRISE}:manager.value`, ENTERPRISE, true, 'manager', 'value'],
    [`${ENTERPRISE.toUpperCase()}:EMPLOYEENUMBER`, ENTERPRISE, true, 'employeeNumber', undefined],
    [`${NINJAONE_SCHEMA_ID}:organizationId`, NINJAONE_SCHEMA_ID, true, 'organizationId', undefined],
  ])('resolves %s', (p, schemaId, extension, attribute, sub) => {
    const r = registry.resolve('User', path(p));
    expect(r?.schemaId).toBe(schemaId);
    expect(r?.extension).toBe(extension);
    expect(r?.attribute.name).toBe(attribute);
    expect(r?.subAttribute?.name).toBe(sub);
  });

  it.each(['nope', 'name.nope', 'employeeNumber', 'urn:example:unknown:thing', `${ENTERPRISE}:userName`])('does not resolve %s', (p) => {
    expect(registry.resolve('User', path(p))).toBeUndefined();
  });

  it('recognises a path naming a whole extension', () => {
    expect(registry.extensionNamedBy(registry.requireResourceType('User'), path(ENTERPRISE))?.id).toBe(ENTERPRISE);
    expect(registry.extensionNamedBy(registry.requireResourceType('User'), path(`${ENTERPRISE}:manager`))).toBeUndefined();
  });

  it('refuses bad extension declarations', () => {
    expect(() => new SchemaRegistry({ extensions: [{ ...NINJAONE_EXTENSION, id: 'not-a-urn' }] })).toThrow(TypeError);
    expect(() => new SchemaRegistry({ extensions: [NINJAONE_EXTENSION, NINJAONE_EXTENSION] })).toThrow(TypeError);
    expect(() => new SchemaRegistry({ extensions: [{ schema: NINJAONE_EXTENSION, resourceType: 'Device' }] })).toThrow(TypeError);
  });

  it('can leave out the enterprise extension', () => {
    expect(new SchemaRegistry({ enterpriseUser: false }).resourceType('User')?.schemaExtensions).toEqual([]);
  });
});
