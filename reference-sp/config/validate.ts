/*
 * Schema validation of the whole input, once, at start-up (STYLE.md §7): ajv with allErrors, so every
 * problem is reported at once, each naming its full path (`tenants[2].saml.clockSkewSeconds must be a
 * non-negative integer`). Checks a schema cannot express (duplicates, metadata, ACS count) live in ./resolve.ts.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { PROFILE_NAMES } from '../profiles/index.ts';
import { samlTenantJsonSchema } from './saml-section.ts';
import { scimTenantJsonSchema } from './scim-section.ts';
import { oidcTenantJsonSchema } from './oidc-section.ts';

const tenantJsonSchema = {
  type: 'object',
  additionalProperties: false,
  // `saml` or `oidc` (or both): ./resolve.ts says which is missing, by path (./oidc-only.ts).
  required: ['id'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$', 'x-expect': 'a URL-safe slug (lowercase letters, digits, "-" and "_")' },
    profile: { enum: PROFILE_NAMES, 'x-expect': `one of ${PROFILE_NAMES.join(', ')}` },
    saml: samlTenantJsonSchema,
    scim: scimTenantJsonSchema,
    oidc: oidcTenantJsonSchema,
  },
} as const;

export const referenceSpConfigJsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['baseUrl', 'tenants'],
  properties: {
    baseUrl: { type: 'string', pattern: '^https?://[^\\s/]+(/[^\\s]*)?$', 'x-expect': 'an http(s) URL' },
    dataDir: { type: 'string', minLength: 1, 'x-expect': "a directory path or ':memory:'" },
    tenants: { type: 'array', minItems: 1, items: tenantJsonSchema, 'x-expect': 'a non-empty list of tenants' },
  },
} as const;

const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
ajv.addKeyword({ keyword: 'x-expect', schemaType: 'string' });
const validateInput = ajv.compile(referenceSpConfigJsonSchema);

/** `/tenants/2/saml/clockSkewSeconds` → `tenants[2].saml.clockSkewSeconds`. */
export function jsonPointerToPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(seg) ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  }
  return out;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function describe(err: ErrorObject): string {
  const path = jsonPointerToPath(err.instancePath);
  const where = path === '' ? 'the configuration' : path;
  switch (err.keyword) {
    case 'required':
      return `${join(path, String(err.params['missingProperty']))} is required`;
    case 'additionalProperties':
      return `${join(path, String(err.params['additionalProperty']))} is not a known option`;
    default: {
      const expect = (err.parentSchema as { 'x-expect'?: string } | undefined)?.['x-expect'];
      return expect ? `${where} must be ${expect}` : `${where} ${err.message ?? 'is invalid'}`;
    }
  }
}

/** Every schema problem, deduplicated (a wrong type and a failed minimum on one value read as one problem). */
export function schemaProblems(input: unknown): string[] {
  if (validateInput(input)) return [];
  return [...new Set((validateInput.errors ?? []).map(describe))];
}
