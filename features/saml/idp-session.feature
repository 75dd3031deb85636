@saml @saml-core-3.4.1
Feature: The IdP's session — one sign-in serves two SPs; ForceAuthn and IsPassive
  The mock IdP keeps its own sign-in session in a cookie. A later AuthnRequest from the same browser is answered
  without the login page unless the SP says ForceAuthn="true" (SAML Core §3.4.1: the IdP "MUST authenticate the
  presenter directly"). An SP that says IsPassive="true" forbids the IdP to show the user anything: with a session
  the IdP answers at once; without one it answers Responder/NoPassive, and the SP shows status/no-passive.

  Background:
    Given the reference SP has a tenant "first" with the generic profile
    And the tenant trusts the mock IdP through its metadata
    And the user "ada.lovelace@example.com" exists in the tenant
    And the reference SP has a tenant "second" with the generic profile
    And the tenant trusts the mock IdP through its metadata
    And the user "ada.lovelace@example.com" exists in the tenant

  Rule: One sign-in at the IdP serves every SP of the browser

    Scenario: After signing in for one SP, the user signs in to a second SP without the login page
      Given the browser starts a sign-in at the tenant "first"
      And "ada.lovelace@example.com" signs in at the IdP with a password
      When the browser starts a sign-in at the tenant "second"
      Then the IdP answers at once, without its login page
      And the SP signs "ada.lovelace@example.com" in
      And both sign-ins share one IdP session

  Rule: ForceAuthn makes the IdP authenticate the user again

    Scenario: A tenant that forces authentication gets the login page despite the IdP session
      Given the tenant asks the IdP to authenticate the user at every sign-in
      And the browser starts a sign-in at the tenant "first"
      And "ada.lovelace@example.com" signs in at the IdP with a password
      When the browser starts a sign-in at the tenant "second"
      Then the AuthnRequest carried 'ForceAuthn="true"'
      And the IdP shows its login page, offering a password and MFA

  Rule: IsPassive: answered at once with a session, NoPassive without one

    Scenario: A passive request with an IdP session is answered without the login page
      Given the tenant asks the IdP not to show the user anything
      And the browser starts a sign-in at the tenant "first"
      And "ada.lovelace@example.com" signs in at the IdP with a password
      When the browser starts a sign-in at the tenant "second"
      Then the AuthnRequest carried 'IsPassive="true"'
      And the IdP answers at once, without its login page
      And the SP signs "ada.lovelace@example.com" in

    Scenario: A passive request without an IdP session is refused with NoPassive, never the login page
      Given the tenant asks the IdP not to show the user anything
      When the browser starts a sign-in at the tenant "second"
      Then the IdP answers with the status "Responder/NoPassive" and no assertion
      And the SP rejects the sign-in with "status/no-passive"

    Scenario: A passive request that also forces authentication is refused with NoPassive
      Given the tenant asks the IdP not to show the user anything
      And the tenant asks the IdP to authenticate the user at every sign-in
      And the browser starts a sign-in at the tenant "first"
      And "ada.lovelace@example.com" signs in at the IdP with a password
      When the browser starts a sign-in at the tenant "second"
      Then the IdP answers with the status "Responder/NoPassive" and no assertion
      And the SP rejects the sign-in with "status/no-passive"
