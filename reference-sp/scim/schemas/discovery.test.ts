import { describe, expect, it } from 'vitest';
import { BEARER_TOKEN_SCHEME, resourceTypeDocuments, schemaDocuments, serviceProviderConfig } from './discovery.ts';
import { ENTERPRISE, NINJAONE_SCHEMA_ID, registryWithNinjaOne } from './test-fixtures.ts';

const base = 'http://127.0.0.1:7100/scim/v2/acme/';

describe('discovery documents (RFC 7643 §5–§7)', () => {
  it('ServiceProviderConfig reports exactly the capabilities passed in', () => {
    const spc = serviceProviderConfig(
      {
        patch: true,
        bulk: { supported: true, maxOperations: 100, maxPayloadSize: 1_048_576 },
        filter: { supported: true, maxResults: 200 },
        changePassword: false,
        sort: true,
        etag: false,
        authenticationSchemes: [BEARER_TOKEN_SCHEME],
      },
      base,
    );
    expect(spc).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: true },
      bulk: { supported: true, maxOperations: 100 },
      filter: { maxResults: 200 },
      changePassword: { supported: false },
      sort: { supported: true },
      etag: { supported: false },
      authenticationSchemes: [{ type: 'oauthbearertoken', primary: true }],
      meta: { resourceType: 'ServiceProviderConfig', location: 'http://127.0.0.1:7100/scim/v2/acme/ServiceProviderConfig' },
    });
  });

  it('ResourceTypes list the declared extensions with their required flag', () => {
    const docs = resourceTypeDocuments(registryWithNinjaOne(true), base);
    expect(docs.map((d) => d['id'])).toEqual(['User', 'Group']);
    expect(docs[0]).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
      endpoint: '/Users',
      schema: 'urn:ietf:params:scim:schemas:core:2.0:User',
      schemaExtensions: [
        { schema: ENTERPRISE, required: false },
        { schema: NINJAONE_SCHEMA_ID, required: true },
      ],
      meta: { resourceType: 'ResourceType', location: 'http://127.0.0.1:7100/scim/v2/acme/ResourceTypes/User' },
    });
  });

  it('Schemas follow the §8.7.1 representation', () => {
    const docs = schemaDocuments(registryWithNinjaOne(), base);
    expect(docs.map((d) => d['id'])).toEqual(['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:core:2.0:Group', ENTERPRISE, NINJAONE_SCHEMA_ID]);
    const user = docs[0]!;
    const attrs = user['attributes'] as Record<string, unknown>[];
    expect(attrs.find((a) => a['name'] === 'userName')).toEqual({
      name: 'userName',
      type: 'string',
      multiValued: false,
      description: expect.any(String),
      required: true,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'server',
    });
    expect(attrs.find((a) => a['name'] === 'password')).toMatchObject({ mutability: 'writeOnly', returned: 'never' });
    expect(attrs.find((a) => a['name'] === 'active')).not.toHaveProperty('uniqueness');
    const emails = attrs.find((a) => a['name'] === 'emails')!;
    expect(emails).toMatchObject({ multiValued: true, type: 'complex' });
    expect((emails['subAttributes'] as Record<string, unknown>[]).find((s) => s['name'] === 'type')).toMatchObject({ canonicalValues: ['work', 'home', 'other'] });
    // common attributes (id, externalId, meta) belong to no schema (RFC 7643 §3.1)
    expect(attrs.some((a) => a['name'] === 'id')).toBe(false);
    expect(user['meta']).toEqual({ resourceType: 'Schema', location: `http://127.0.0.1:7100/scim/v2/acme/Schemas/urn:ietf:params:scim:schemas:core:2.0:User` });
  });
});
