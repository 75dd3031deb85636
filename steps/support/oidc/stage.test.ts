/*
 * The OIDC stage's configuring methods refuse arguments that would change nothing or come too late, each with its
 * stable code, so a scenario cannot pass without testing anything (no servers start here).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioClock } from '../clock.ts';
import { OidcStage } from './stage.ts';

const stages: OidcStage[] = [];
afterEach(async () => {
  await Promise.all(stages.splice(0).map((s) => s.close()));
});

function stage(): OidcStage {
  const s = new OidcStage(new ScenarioClock(), () => undefined);
  stages.push(s);
  return s;
}

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('OidcStage', () => {
  it('refuses a setting the tenant already has (its default or its profile default)', () => {
    const s = stage();
    s.defineTenant('acme', 'generic');
    expect(codeOf(() => s.configureOidc({ requireEmailVerified: false }, 'requireEmailVerified'))).toBe('oidc-step/already-so');
    expect(codeOf(() => s.addScope('openid'))).toBe('oidc-step/already-so');
    s.addScope('groups');
    expect(codeOf(() => s.addScope('groups'))).toBe('oidc-step/already-so');
    s.defineTenant('sonar', 'sonarqube');
    // The sonarqube profile already asks for groups and creates users at sign-in.
    expect(codeOf(() => s.addScope('groups'))).toBe('oidc-step/already-so');
    expect(codeOf(() => s.configureOidc({ autoProvisioningEnabled: true }, 'autoProvisioningEnabled'))).toBe('oidc-step/already-so');
  });

  it("refuses a groups claim before the tenant's app exists at an issuer, and a second app", () => {
    const s = stage();
    s.defineTenant('sonar', 'sonarqube');
    expect(codeOf(() => s.setGroupsClaim({ name: 'groups', filter: 'regex', value: '.*' }))).toBe('oidc-step/no-issuer');
    s.createApp('okta');
    expect(s.appPreset()).toBe('okta');
    expect(codeOf(() => s.createApp('okta'))).toBe('oidc-step/already-so');
    // Creating the app does not tell the SP where to sign in: step 2 of the guide does.
    expect(s.tenant().issuer).toBeUndefined();
  });

  it('refuses an assignment before the app exists, of a user or group the OP directory lacks, and the same one twice', async () => {
    const s = stage();
    s.defineTenant('sonar', 'sonarqube');
    await expect(s.assignApp({ group: 'Admins' })).rejects.toMatchObject({ code: 'oidc-step/no-issuer' });
    s.createApp('okta');
    await s.idpUser('alice@example.com', ['Admins']);
    await expect(s.assignApp({ group: 'admins' })).rejects.toMatchObject({ code: 'oidc-step/not-in-directory' });
    await expect(s.assignApp({ user: 'carol@example.com' })).rejects.toMatchObject({ code: 'oidc-step/not-in-directory' });
    await s.assignApp({ group: 'Admins' });
    await expect(s.assignApp({ group: 'Admins' })).rejects.toMatchObject({ code: 'oidc-step/already-so' });
    expect(s.tenant().assigned).toEqual({ users: [], groups: ['Admins'] });
  });
});
