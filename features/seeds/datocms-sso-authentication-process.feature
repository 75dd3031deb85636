@saml @seed-datocms
Feature: DatoCMS: the SSO authentication process — an active IdP session signs the user in again (seed 004)
  DatoCMS's guide, "SSO Authentication process": "When a user attempts to access an SSO-enabled protected resource
  … the user is redirected to the identity provider. If the user still has an active session with the identity
  provider, the user is automatically redirected to the desired resource. If the user does not have an active session,
  the user is prompted to enter credentials. Once authenticated, the user has access for a configurable period of
  time". Steps 2–4 of its diagram: the SP refers the user agent to the IdP's SSO URL, the user agent sends the
  authentication request, the IdP authenticates the user.
  The browser here signs in by hand: the mock IdP shows its login page unless its own session cookie is live, and an
  AuthnRequest with ForceAuthn="true" (SAML Core §3.4.1) always makes it authenticate the user again.

  Background:
    Given the reference SP has a tenant "datocms" with the DatoCMS profile
    And the tenant trusts the mock IdP through its metadata
    And the user "ada.lovelace@example.com" exists in the tenant

  Rule: Without an IdP session the user is prompted for credentials; with one, the IdP answers at once

    Scenario: The first sign-in asks who signs in, on the IdP's login page
      When "ada.lovelace@example.com" signs in on the IdP's login page, starting at the SP
      Then the SP signs "ada.lovelace@example.com" in
      And the AuthnRequest did not carry ForceAuthn

    @saml-core-3.4.1
    Scenario: A second sign-in while the IdP session is active skips the login page
      Given "ada.lovelace@example.com" signs in on the IdP's login page, starting at the SP
      And the SP signs "ada.lovelace@example.com" in
      When the browser starts another sign-in at the SP
      Then the IdP answered without showing its login page
      And the SP signs "ada.lovelace@example.com" in
      And both sign-ins were in one IdP session

    Scenario: Once the IdP session has ended, the user is prompted again
      Given "ada.lovelace@example.com" signs in on the IdP's login page, starting at the SP
      When the IdP's session lifetime passes
      And the browser starts another sign-in at the SP
      Then the IdP showed its login page

  Rule: ForceAuthn makes the IdP authenticate the user again, whatever its session

    @saml-core-3.4.1
    Scenario: A tenant that forces authentication sees the login page at every sign-in
      Given the tenant asks the IdP to authenticate the user at every sign-in
      And "ada.lovelace@example.com" signs in on the IdP's login page, starting at the SP
      When the browser starts another sign-in at the SP
      Then the AuthnRequest carried ForceAuthn="true"
      And the IdP showed its login page
      When "ada.lovelace@example.com" signs in on that login page
      Then the SP signs "ada.lovelace@example.com" in
      And the second sign-in started a new IdP session

  Rule: The SP's session lasts the tenant's configured period

    Scenario: The user stays signed in to the SP for the configured period, then no longer
      Given the tenant's sign-in sessions last 30 minutes
      And "ada.lovelace@example.com" signs in on the IdP's login page, starting at the SP
      When 29 minutes pass
      Then the browser is still signed in as "ada.lovelace@example.com"
      When 2 minutes pass
      Then the browser is no longer signed in to the SP

    Scenario: After the SP session ends, the still active IdP session signs the user in without the login page
      Given the tenant's sign-in sessions last 30 minutes
      And "ada.lovelace@example.com" signs in on the IdP's login page, starting at the SP
      And 31 minutes pass
      When the browser starts another sign-in at the SP
      Then the IdP answered without showing its login page
      And the SP signs "ada.lovelace@example.com" in
      And the browser is still signed in as "ada.lovelace@example.com"
