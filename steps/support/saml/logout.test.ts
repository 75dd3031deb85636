/*
 * The Single Logout stage refuses a Given that would configure nothing: the IdP already sends by that binding, or
 * there is no IdP session to end. And its browser keeps one session cookie per tenant path (./path-browser.ts).
 */
import { expect, it } from 'vitest';
import { ScenarioClock } from '../clock.ts';
import { SamlLogoutStage } from './logout.ts';
import { SamlStage } from './stage.ts';

it('refuses to set the binding the IdP already uses, and to end IdP sessions that do not exist', async () => {
  const saml = new SamlStage(new ScenarioClock(), () => undefined);
  try {
    saml.defineTenant('acme', 'generic');
    saml.trustIdp('metadata-url');
    const logout = new SamlLogoutStage(saml);
    await expect(logout.idpSendsBy('acme', 'redirect')).rejects.toMatchObject({ code: 'logout/binding-unchanged' });
    await expect(logout.idpSessionsEnd('nobody@example.com')).rejects.toMatchObject({ code: 'logout/no-idp-session' });
    await logout.idpSendsBy('acme', 'post');
    const idp = await saml.idp();
    expect(idp.control.requireSp(await saml.spEntityId('acme')).singleLogout?.binding).toBe('post');
  } finally {
    await saml.close();
  }
});
