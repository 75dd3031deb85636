/*
 * An independent SAML IdP (samlify, not our mock IdP) whose metadata the reference SP imports: proves the SP
 * accepts what a third-party implementation signs, not only what our own IdP mints.
 */
import { Given, When } from '@cucumber/cucumber';
import samlify from 'samlify';
import { generatedKeyPair } from '../mock-idp/index.ts';
import { mintWithSamlify } from '../reference-sp/saml/test-support/samlify-idp.ts';
import type { HarnessWorld } from './support/world.ts';

const SAMLIFY_IDP = { entityId: 'https://samlify-idp.example.test/metadata', ssoUrl: 'https://samlify-idp.example.test/sso' };

function samlifyKeys(world: HarnessWorld) {
  return generatedKeyPair('samlify-idp', world.clock);
}

Given('the tenant imports the metadata of an independent samlify IdP', function (this: HarnessWorld) {
  const keys = samlifyKeys(this);
  const idp = samlify.IdentityProvider({
    entityID: SAMLIFY_IDP.entityId,
    signingCert: keys.certificatePem,
    privateKey: keys.privateKeyPem,
    singleSignOnService: [{ Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', Location: SAMLIFY_IDP.ssoUrl }],
    // samlify warns on every construction of an IdP without one (issue 15: the warnings flooded test and bench output).
    singleLogoutService: [{ Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', Location: `${SAMLIFY_IDP.ssoUrl}/logout` }],
  });
  const metadataXml = idp.getMetadata();
  this.attach(metadataXml, { mediaType: 'application/xml', fileName: 'samlify IdP metadata' });
  this.saml.trustIdp({ custom: { metadataXml } });
});

When('the samlify IdP signs {string} in to the SP', async function (this: HarnessWorld, email: string) {
  const { sp, url } = await this.saml.sp();
  const tenant = sp.config.tenants.find((t) => t.id === this.saml.tenant().id)!;
  const requestId = await this.saml.sendAuthnRequest();
  const samlResponse = await mintWithSamlify({
    idp: { ...SAMLIFY_IDP, keys: samlifyKeys(this) },
    sp: { entityId: tenant.saml.spEntityId, acsUrl: tenant.saml.acsUrls[0]! },
    sign: 'both',
    now: this.clock.now(),
    inResponseTo: requestId,
    nameId: email,
  });
  await this.saml.postAndRecord({ action: `${url}/saml/${tenant.id}/acs`, fields: { SAMLResponse: samlResponse } });
});
