/*
 * The SAML attribute steps cannot lie:
 * - each change refuses an attribute the IdP does not send (attribute/not-sent) or already sends
 *   (attribute/already-sent), for any SP: a vendor's statements, a preset's, the scenario's own;
 * - each change is seen by the SP: with its effect mutated away (the statements left as they were), the same
 *   sign-in ends differently, so a scenario built on the step would fail.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { VENDOR_STATEMENTS, type AttributeStatement } from '../../../mock-idp/index.ts';
import type { ProfileName } from '../../../reference-sp/config/index.ts';
import { ScenarioClock } from '../clock.ts';
import { StepArgumentError } from '../step-error.ts';
import { addAttribute, assertSendsGroups, onlyAttributes, presetStatements, renameAttribute, withNameFormat, withValues } from './attribute-statements.ts';
import { SamlStage } from './stage.ts';

const EMAIL_CLAIM = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress';
const BASIC = 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic';

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof StepArgumentError) return error.code;
    throw error;
  }
  return undefined;
}

const particle: readonly AttributeStatement[] = VENDOR_STATEMENTS.particle;

describe('attribute statement changes', () => {
  it.each([
    ['renaming', () => renameAttribute(particle, 'mail', 'emailaddress')],
    ['keeping only', () => onlyAttributes(particle, ['email', 'groups'])],
    ['re-formatting', () => withNameFormat(particle, 'Email', BASIC)],
    ['re-valuing', () => withValues(particle, 'roles', ['admin'])],
    ['expecting groups', () => assertSendsGroups(particle)],
  ])('%s an attribute the IdP does not send fails with attribute/not-sent', (_, change) => {
    expect(codeOf(change)).toBe('attribute/not-sent');
  });

  it('adding an attribute the IdP already sends fails with attribute/already-sent', () => {
    expect(codeOf(() => addAttribute(particle, 'email', ['x@example.com']))).toBe('attribute/already-sent');
  });

  it('changes only the attribute it names', () => {
    expect(renameAttribute(particle, 'FirstName', 'firstName').map((s) => s.name)).toEqual(['email', 'FirstName', 'lastName']);
    expect(withNameFormat(particle, 'email', BASIC)[0]).toEqual({ name: 'email', from: 'email', nameFormat: BASIC });
    expect(withValues(particle, 'lastName', ['a', 'b'])[2]).toEqual({ name: 'lastName', value: ['a', 'b'] });
    expect(addAttribute(particle, 'roles', ['a', 'b']).at(-1)).toEqual({ name: 'roles', value: ['a', 'b'] });
  });

  it("turns a preset's names into statements traced to the directory fields", () => {
    const okta = presetStatements('okta');
    expect(okta.map((s) => [s.name, s.from])).toEqual([
      ['email', 'email'],
      ['firstName', 'givenName'],
      ['lastName', 'surname'],
      ['groups', 'groups'],
    ]);
    const entra = presetStatements('entra', 'tenant-1');
    expect(entra.find((s) => s.name === EMAIL_CLAIM)?.from).toBe('email');
    expect(entra.find((s) => s.name.endsWith('/tenantid'))?.value).toEqual(['tenant-1']);
  });
});

describe('the attribute steps on a running IdP and SP', () => {
  let stage: SamlStage | undefined;
  afterEach(async () => {
    await stage?.close();
    stage = undefined;
  });

  function tenant(profile: ProfileName): SamlStage {
    stage = new SamlStage(new ScenarioClock(), () => undefined);
    stage.defineTenant('t', profile);
    stage.tenant().trust = 'metadata-url';
    stage.store.createUser('t', { userName: 'alice@example.com', email: 'alice@example.com', givenName: 'alice', familyName: 'Example' });
    return stage;
  }

  it('refuses, for any SP, an attribute its IdP does not send', () => {
    expect(codeOf(() => tenant('particle').changeIdpAttributes((s) => renameAttribute(s, 'mail', 'emailaddress')))).toBe('attribute/not-sent');
    // The generic tenant gets Entra's claim names: Particle's "email" is not among them.
    expect(codeOf(() => tenant('generic').changeIdpAttributes((s) => renameAttribute(s, 'mail', 'email')))).toBe('attribute/not-sent');
    expect(codeOf(() => tenant('generic').changeIdpAttributes((s) => renameAttribute(s, 'mail', EMAIL_CLAIM)))).toBeUndefined();
  });

  it('refuses a change once the SP has registered at the IdP', async () => {
    const running = tenant('particle');
    await running.sp();
    expect(codeOf(() => running.changeIdpAttributes((s) => s))).toBe('stage/sp-started');
  });

  type Change = (statements: readonly AttributeStatement[]) => readonly AttributeStatement[];
  const unchanged: Change = (statements) => statements;

  async function signIn(profile: ProfileName, change: Change): Promise<unknown> {
    const running = tenant(profile);
    running.changeIdpAttributes(change);
    const outcome = await running.signIn('alice@example.com', 'sp');
    await running.close();
    stage = undefined;
    return outcome.kind === 'accepted' ? { accepted: outcome.body.attributes } : { rejected: outcome.kind === 'rejected' ? outcome.code : outcome.kind };
  }

  it.each<[string, ProfileName, Change]>([
    ['renaming', 'particle', (s) => renameAttribute(s, 'emailaddress', 'email')],
    ['keeping only', 'particle', (s) => onlyAttributes(s, ['email', 'firstName'])],
    ['re-valuing', 'generic', (s) => withValues(s, EMAIL_CLAIM, ['a@example.com', 'b@example.com'])],
    ['adding', 'generic', (s) => addAttribute(s, 'roles', ['admin', 'auditor'])],
  ])('%s changes what the SP sees: with the effect mutated away the sign-in ends differently', async (_, profile, change) => {
    const changed = await signIn(profile, change);
    const mutant = await signIn(profile, unchanged);
    expect(changed).not.toEqual(mutant);
  });
});
