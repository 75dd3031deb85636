/*
 * Custom cucumber parameter types (STYLE.md §6): each converts its text and fails on a typo before the step
 * body runs, so a misspelled status or scimType is a scenario error, never a silently different assertion.
 * A fixed set of values is an enum parameter type (./enum-parameter-type.ts): its regexp matches only those values.
 * Grouped by domain; the SAML parameter types are in ./saml/parameter-types.ts.
 */
import { defineParameterType } from '@cucumber/cucumber';
import type { PatchStyle } from '../../certify/vendors/entra.ts';
import type { ScimMode } from '../../reference-sp/config/scim-section.ts';
import { SCIM_TYPES, type ScimType } from '../../reference-sp/scim/types/errors.ts';
import { describeParameterType, enumParameterType, identity } from './enum-parameter-type.ts';
import { StepArgumentError } from './step-error.ts';

// ---- HTTP ------------------------------------------------------------------------------------------------------

/**
 * Statuses the scenarios may assert: RFC 7644 §3.12 Table 8 plus the success codes of §3.3–§3.7 and §3.14, and
 * 408 (a request body too slow, RFC 9110 §15.5.9).
 */
const HTTP_STATUSES: readonly number[] = [200, 201, 204, 304, 307, 308, 400, 401, 403, 404, 408, 409, 412, 413, 429, 500, 501];

// Any three digits reach the transformer (a number is never an ordinary word), which names the statuses allowed.
describeParameterType({ name: 'httpStatus', description: 'an HTTP status a scenario may assert', values: HTTP_STATUSES.map(String) });
defineParameterType({
  name: 'httpStatus',
  regexp: /\d{3}/,
  transformer: (text: string): number => {
    const status = Number(text);
    if (!HTTP_STATUSES.includes(status)) {
      throw new StepArgumentError('parameter/unknown-value', `${text} is not an HTTP status a scenario may assert (${HTTP_STATUSES.join(', ')})`);
    }
    return status;
  },
});

defineParameterType(enumParameterType('httpMethod', 'an HTTP method of a SCIM request', identity(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])));

// ---- SCIM ------------------------------------------------------------------------------------------------------

/** A scimType keyword of RFC 7644 §3.12 Table 9, e.g. `uniqueness`, `invalidFilter`. */
defineParameterType(enumParameterType<ScimType>('scimType', 'a scimType keyword of RFC 7644 §3.12 Table 9', identity(SCIM_TYPES)));

/** One or more quoted aliases: `"ann"`, `"ann" and "bob"`, `"ann", "bob" and "cid"`. */
describeParameterType({ name: 'aliases', description: 'one or more quoted names: "ann", "ann" and "bob", "ann", "bob" and "cid"' });
defineParameterType({
  name: 'aliases',
  regexp: /"[^"]+"(?:(?:, | and )"[^"]+")*/,
  transformer: (text: string): string[] => [...text.matchAll(/"([^"]+)"/g)].map((match) => match[1]!),
});

/** RFC 7644 §3.4.2.3 sortOrder. */
defineParameterType(enumParameterType('sortOrder', 'an RFC 7644 §3.4.2.3 sortOrder', identity(['ascending', 'descending'] as const)));

/** A Particle API-user scope (seed 000), written as in Particle's console. */
const PARTICLE_SCOPES = ['teams.users:invite', 'teams.users:remove', 'teams.users:list', 'teams.users:update'] as const;
export type ParticleScope = (typeof PARTICLE_SCOPES)[number];

defineParameterType(enumParameterType<ParticleScope>('particleScope', "a Particle API user's scope (seed 000)", identity(PARTICLE_SCOPES)));

/** How a tenant's SCIM endpoint treats shapes RFC 7644 does not define (docs/scim-scenarios.md). */
defineParameterType(enumParameterType<ScimMode>('scimMode', "a SCIM tenant's mode", identity(['strict', 'lenient'] as const)));

// ---- certify -----------------------------------------------------------------------------------------------------

/** How Entra shapes its PATCH requests: RFC 7644's (the "aadOptscim062020" flag) or its legacy shape. */
defineParameterType(enumParameterType<PatchStyle>('patchBehaviour', "Entra's PATCH behaviour (certify/vendors/entra.ts)", identity(['compliant', 'legacy'] as const)));
