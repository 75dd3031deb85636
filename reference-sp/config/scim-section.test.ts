import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { resolveScimSection, scimDefaults, scimTenantJsonSchema } from './scim-section.ts';

const validate = new Ajv({ allErrors: true }).compile(scimTenantJsonSchema);

describe('SCIM tenant section', () => {
  it.each([
    [{}, true],
    [{ mode: 'lenient', layout: 'particle', orgSlug: 'acme', enforceScopes: true }, true],
    [{ tokens: [{ value: 'a-long-enough-token-value', scopes: ['teams.users:list'] }] }, true],
    [{ mode: 'loose' }, false],
    [{ layout: 'okta' }, false],
    [{ tokens: [{ value: 'short' }] }, false],
    [{ pagination: { maxCount: 0 } }, false],
    [{ unknownOption: true }, false],
    [{ extensions: [{ id: 'not-a-urn', resourceType: 'User', attributes: [] }] }, false],
  ])('validates %j → %s', (input, ok) => {
    expect(validate(input)).toBe(ok);
  });

  it('resolves defaults ← profile ← input, idempotently', () => {
    expect(resolveScimSection('generic', undefined)).toEqual(scimDefaults);
    const particle = resolveScimSection('particle', { pagination: { maxCount: 50 } });
    expect(particle).toMatchObject({ layout: 'particle', enforceScopes: true, pagination: { defaultCount: 100, maxCount: 50 } });
    expect(resolveScimSection('particle', particle)).toEqual(particle);
    const ninja = resolveScimSection('ninjaone', {});
    expect(ninja.extensions.map((e) => e.id)).toEqual(['urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User']);
    expect(validate(ninja)).toBe(true);
  });
});
