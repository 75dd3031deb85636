/* The ACS's check of the AuthnContextClassRef against the requested context (saml-core §3.3.2.2.1), as a table. */
import { describe, expect, it } from 'vitest';
import { meetsRequest } from '../authn-context-classes.ts';

const AC = 'urn:oasis:names:tc:SAML:2.0:ac:classes:';
const [PW, PPT, MFA, X509] = ['Password', 'PasswordProtectedTransport', 'MobileTwoFactorContract', 'X509'].map((n) => AC + n) as [string, string, string, string];

describe('meetsRequest', () => {
  it.each([
    ['exact', [MFA], MFA, true],
    ['exact', [MFA], X509, false],
    ['minimum', [PPT], MFA, true],
    ['minimum', [MFA], PPT, false],
    ['better', [PPT], PPT, false],
    ['better', [PW], PPT, true],
    ['maximum', [PPT], PW, true],
    ['maximum', [PPT], MFA, false],
    ['minimum', [PPT], 'urn:example:unknown', false],
    ['exact', ['urn:example:unknown'], 'urn:example:unknown', true],
  ] as const)('%s %j, IdP used %s → %s', (comparison, classes, used, expected) => {
    expect(meetsRequest(used, { comparison, classes })).toBe(expected);
  });
});
