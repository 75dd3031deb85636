import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { resolveScimSection, scimDefaults, scimTenantJsonSchema } from './scim-section.ts';

const ajv = new Ajv({ allErrors: true });
ajv.addKeyword({ keyword: 'x-expect', schemaType: 'string' }); // the problem wording ../validate.ts reads
const validate = ajv.compile(scimTenantJsonSchema);

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
    [{ maxScan: 10, rateLimit: { requestsPerSecond: 0.5, burst: 3 }, upload: { idleTimeoutMs: 50, timeoutMs: 100 } }, true],
    [{ rateLimit: false }, true],
    [{ rateLimit: { enabled: false } }, true],
    [{ rateLimit: { requestsPerSecond: 0 } }, false],
    [{ rateLimit: { burst: 0 } }, false],
    [{ rateLimit: 5 }, false],
    [{ maxScan: 0 }, false],
    [{ upload: { timeoutMs: -1 } }, false],
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
    const off = resolveScimSection('generic', { rateLimit: { enabled: false } });
    expect(off.rateLimit).toBe(false);
    expect(resolveScimSection('generic', off)).toEqual(off);
  });
});
