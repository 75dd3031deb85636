@oidc
Feature: A user the app is not assigned to is refused by the OP, and the SP says so
  An OP lets only the users assigned to an app sign in to it (Okta: the app's Assignments, to people or groups;
  Entra: "Assignment required?"). Okta answers an unassigned user at the app's redirect URI with the OAuth error
  access_denied (RFC 6749 §4.1.2.1), and the SP shows that refusal as oidc/idp-error (OIDC Core §3.1.2.6)
  instead of signing anyone in.

  Background:
    Given the reference SP has a tenant "acme" with the generic profile signing in with OpenID Connect
    And the tenant signs in at the mock OP's Okta issuer
    And the OpenID Connect tenant creates users at their first sign-in
    And the OP's directory has "alice@example.com" in the groups "Engineering"
    And the OP's directory has "bob@example.com" in the groups "Sales"

  @oidc-core-3.1.2.6 @rfc6749-4.1.2.1 @okta
  Scenario: A user outside the assigned groups is refused with the OP's error
    Given the app at the OP is assigned to the group "Engineering"
    When "bob@example.com" signs in with OpenID Connect
    Then the OP answered the authorization request with the error "access_denied"
    And the SP refuses the OpenID Connect sign-in with "oidc/idp-error"
    And the SP has no OpenID Connect session

  @okta
  Scenario: A user in an assigned group signs in
    Given the app at the OP is assigned to the group "Engineering"
    When "alice@example.com" signs in with OpenID Connect
    Then the SP signs "alice@example.com" in with OpenID Connect

  @okta
  Scenario: A user assigned directly signs in without being in an assigned group
    Given the app at the OP is assigned to the group "Engineering"
    And the app at the OP is assigned to the user "bob@example.com"
    When "bob@example.com" signs in with OpenID Connect
    Then the SP signs "bob@example.com" in with OpenID Connect
