@saml
Feature: The SP's NameIDPolicy and RequestedAuthnContext, honoured or refused by the IdP with the right status
  An AuthnRequest may ask for a NameID format (SAML Core §3.4.1.1) and for how strongly the user authenticates
  (RequestedAuthnContext, Core §3.3.2.2.1). The mock IdP honours what it can; what it cannot is answered with a
  signed Response whose status says why, and the SP shows a code for each. The IdP signs users in with a password
  (PasswordProtectedTransport) or with MFA (MobileTwoFactorContract); Password < PasswordProtectedTransport < X509
  and MobileTwoFactorContract (docs/saml-sessions.md). The SP checks the class the IdP reports against what it asked.

  Background:
    Given the reference SP has a tenant "acme" with the generic profile
    And the tenant trusts the mock IdP through its metadata
    And the user "ada.lovelace@example.com" exists in the tenant

  @saml-core-3.4.1.1
  Rule: NameIDPolicy: a format the IdP can give is honoured, another is InvalidNameIDPolicy

    Scenario: The IdP honours a requested transient NameID
      Given the tenant has autoProvisioningEnabled
      And the tenant asks for the NameID format "transient"
      When "ada.lovelace@example.com" signs in at the IdP with a password
      Then the AuthnRequest carried 'Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient"'
      And the assertion names the user in the NameID format "transient"

    Scenario: A format the IdP's app is not configured for is refused with InvalidNameIDPolicy
      Given the IdP's app for the tenant sends the NameID format "emailAddress"
      And the tenant asks for the NameID format "persistent"
      When the browser starts a sign-in at the SP
      Then the IdP answers with the status "Requester/InvalidNameIDPolicy" and no assertion
      And the SP rejects the sign-in with "status/invalid-name-id-policy"

    Scenario: A persistent NameID the user has none of yet is refused when the SP does not allow creating one
      Given the tenant asks for the NameID format "persistent" without letting the IdP create one
      When "ada.lovelace@example.com" signs in at the IdP with a password
      Then the AuthnRequest carried 'AllowCreate="false"'
      And the IdP answers with the status "Requester/InvalidNameIDPolicy" and no assertion
      And the SP rejects the sign-in with "status/invalid-name-id-policy"

    Scenario: A NameID in the namespace of an affiliation the IdP has none of is refused with InvalidNameIDPolicy
      Given the tenant asks for NameIDs in the namespace of "https://affiliation.example.test/partners"
      When the browser starts a sign-in at the SP
      Then the AuthnRequest carried 'SPNameQualifier="https://affiliation.example.test/partners"'
      And the IdP answers with the status "Requester/InvalidNameIDPolicy" and no assertion
      And the SP rejects the sign-in with "status/invalid-name-id-policy"

  @saml-core-3.3.2.2.1
  Rule: RequestedAuthnContext: the class used satisfies the comparison, or NoAuthnContext

    Scenario: exact: the IdP signs in with the one class asked for and says so
      Given the tenant requests the authentication context "PasswordProtectedTransport" compared "exact"
      When "ada.lovelace@example.com" signs in at the IdP with a password
      Then the assertion says the user authenticated with "PasswordProtectedTransport"
      And the SP signs "ada.lovelace@example.com" in

    Scenario: minimum MFA: the login page offers MFA only, and the assertion says MFA
      Given the tenant requests the authentication context "MobileTwoFactorContract" compared "minimum"
      When the browser starts a sign-in at the SP
      Then the IdP shows its login page, offering MFA only
      When "ada.lovelace@example.com" signs in at the IdP with MFA
      Then the assertion says the user authenticated with "MobileTwoFactorContract"
      And the SP signs "ada.lovelace@example.com" in

    Scenario: better than a password over TLS: a password sign-in is refused with NoAuthnContext
      Given the tenant requests the authentication context "PasswordProtectedTransport" compared "better"
      When "ada.lovelace@example.com" signs in at the IdP with a password
      Then the IdP answers with the status "Responder/NoAuthnContext" and no assertion
      And the SP rejects the sign-in with "status/no-authn-context"

    Scenario: maximum Password: nothing the IdP does is that weak, so NoAuthnContext at once
      Given the tenant requests the authentication context "Password" compared "maximum"
      When the browser starts a sign-in at the SP
      Then the IdP answers with the status "Responder/NoAuthnContext" and no assertion
      And the SP rejects the sign-in with "status/no-authn-context"

    Scenario: exact X509, which the IdP cannot do, is refused with NoAuthnContext
      Given the tenant requests the authentication context "X509" compared "exact"
      When the browser starts a sign-in at the SP
      Then the SP rejects the sign-in with "status/no-authn-context"

    Scenario: The SP refuses an assertion whose class is weaker than it asked for
      Given the tenant requests the authentication context "MobileTwoFactorContract" compared "minimum"
      When "ada.lovelace@example.com" signs in at the IdP with MFA, but the IdP reports "PasswordProtectedTransport" in the assertion
      Then the assertion says the user authenticated with "PasswordProtectedTransport"
      And the SP rejects the sign-in with "authn-context/insufficient"

  @saml-core-3.3.2.2.1
  Rule: A session with a weaker class than asked is stepped up

    Scenario: A password session does not satisfy a request for MFA: the IdP asks for MFA, then signs the user in
      Given the reference SP has a tenant "vault" with the generic profile
      And the tenant trusts the mock IdP through its metadata
      And the user "ada.lovelace@example.com" exists in the tenant
      And the tenant requests the authentication context "MobileTwoFactorContract" compared "minimum"
      And the browser starts a sign-in at the tenant "acme"
      And "ada.lovelace@example.com" signs in at the IdP with a password
      When the browser starts a sign-in at the tenant "vault"
      Then the IdP shows its login page, offering MFA only
      When "ada.lovelace@example.com" signs in at the IdP with MFA
      Then the SP signs "ada.lovelace@example.com" in
