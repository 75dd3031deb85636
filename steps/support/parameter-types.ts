/*
 * Custom cucumber parameter types (STYLE.md §6): each converts its text and fails on a typo before the step
 * body runs, so a misspelled status or scimType is a scenario error, never a silently different assertion.
 * Grouped by domain; the SAML parameter types are in ./saml/parameter-types.ts.
 */
import { defineParameterType } from '@cucumber/cucumber';
import { SCIM_TYPES, type ScimType } from '../../reference-sp/scim/types/errors.ts';

// ---- HTTP ------------------------------------------------------------------------------------------------------

/**
 * Statuses the scenarios may assert: RFC 7644 §3.12 Table 8 plus the success codes of §3.3–§3.7 and §3.14, and
 * 408 (a request body too slow, RFC 9110 §15.5.9).
 */
const HTTP_STATUSES: ReadonlySet<number> = new Set([200, 201, 204, 304, 307, 308, 400, 401, 403, 404, 408, 409, 412, 413, 429, 500, 501]);

defineParameterType({
  name: 'httpStatus',
  regexp: /\d{3}/,
  transformer: (text: string): number => {
    const status = Number(text);
    if (!HTTP_STATUSES.has(status)) throw new TypeError(`${text} is not an HTTP status a SCIM scenario may assert`);
    return status;
  },
});

// ---- SCIM ------------------------------------------------------------------------------------------------------

/** A scimType keyword of RFC 7644 §3.12 Table 9, e.g. `uniqueness`, `invalidFilter`. */
defineParameterType({
  name: 'scimType',
  regexp: /[a-zA-Z]+/,
  transformer: (text: string): ScimType => {
    if (!(SCIM_TYPES as readonly string[]).includes(text)) {
      throw new TypeError(`"${text}" is not a scimType of RFC 7644 §3.12 (${SCIM_TYPES.join(', ')})`);
    }
    return text as ScimType;
  },
});

/** One or more quoted aliases: `"ann"`, `"ann" and "bob"`, `"ann", "bob" and "cid"`. */
defineParameterType({
  name: 'aliases',
  regexp: /"[^"]+"(?:(?:, | and )"[^"]+")*/,
  transformer: (text: string): string[] => [...text.matchAll(/"([^"]+)"/g)].map((match) => match[1]!),
});

/** RFC 7644 §3.4.2.3 sortOrder. */
defineParameterType({
  name: 'sortOrder',
  regexp: /ascending|descending/,
  transformer: (text: string): 'ascending' | 'descending' => text as 'ascending' | 'descending',
});

/** A Particle API-user scope (seed 000), written as in Particle's console. */
const PARTICLE_SCOPES = ['teams.users:invite', 'teams.users:remove', 'teams.users:list', 'teams.users:update'] as const;
export type ParticleScope = (typeof PARTICLE_SCOPES)[number];

defineParameterType({
  name: 'particleScope',
  regexp: /teams\.users:[a-z]+/,
  transformer: (text: string): ParticleScope => {
    if (!(PARTICLE_SCOPES as readonly string[]).includes(text)) {
      throw new TypeError(`"${text}" is not a Particle scope (${PARTICLE_SCOPES.join(', ')})`);
    }
    return text as ParticleScope;
  },
});
