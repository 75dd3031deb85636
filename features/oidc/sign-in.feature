@oidc @oidc-core-3.1
Feature: Sign-in with OpenID Connect: authorization code flow with PKCE
  A user who starts at the service provider is sent to the OpenID Provider's authorization endpoint with a PKCE
  code challenge (RFC 7636, S256), a state and a nonce (OIDC Core §3.1.2.1). The OP signs the user in on its
  login page and sends the browser back with a code, which the SP exchanges for an ID token that it validates
  (OIDC Core §3.1.3.7) before it maps the claims, creates the user if the tenant allows it and syncs the groups.

  Background:
    Given the reference SP has a tenant "acme" with the generic profile signing in with OpenID Connect
    And the tenant signs in at the mock OP's generic issuer
    And the OP's directory has "alice@example.com" in the groups "developers" and "admins"

  @oidc-core-3.1.2.1 @rfc7636-4.3
  Scenario: A user who picks their name on the OP's login page is signed in
    Given the user "alice@example.com" exists in the OpenID Connect tenant
    When "alice@example.com" picks their name on the OP's login page
    Then the SP signs "alice@example.com" in with OpenID Connect
    And the authorization request carried a PKCE S256 code challenge, a state and a nonce

  Scenario: A user the OP signs in without the page (already signed in there) is signed in
    Given the user "alice@example.com" exists in the OpenID Connect tenant
    When "alice@example.com" signs in with OpenID Connect
    Then the SP signs "alice@example.com" in with OpenID Connect
    And the OpenID Connect session of the SP is "alice@example.com"'s

  Scenario: A user the tenant does not know is refused when the tenant does not create users
    When "alice@example.com" signs in with OpenID Connect
    Then the SP refuses the OpenID Connect sign-in with "user/unknown"

  Scenario: A user the tenant does not know yet is created at the first sign-in, with the OP's groups
    Given the OpenID Connect tenant creates users at their first sign-in
    And the OpenID Connect tenant asks for the scope "groups" and synchronises the groups it gets
    When "alice@example.com" signs in with OpenID Connect
    Then the SP signs "alice@example.com" in with OpenID Connect
    And the OpenID Connect tenant has the user "alice@example.com" in exactly the groups "admins" and "developers"

  Scenario: The groups of a known user follow the OP's groups at every sign-in
    Given the OpenID Connect tenant creates users at their first sign-in
    And the OpenID Connect tenant asks for the scope "groups" and synchronises the groups it gets
    And "alice@example.com" signed in with OpenID Connect before
    And the OP's directory has "alice@example.com" in the groups "developers"
    When "alice@example.com" signs in with OpenID Connect
    Then the OpenID Connect tenant has the user "alice@example.com" in exactly the groups "developers"
