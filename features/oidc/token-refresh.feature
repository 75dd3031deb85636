@oidc @oidc-core-12
Feature: The SP refreshes a session's tokens with the refresh token
  OIDC Core §12: a relying party exchanges its refresh token at the token endpoint for new tokens; an ID token
  issued on refresh keeps the same "iss", "sub" and "aud" (§12.2) and carries the End-User's current claims; when
  they carry the groups claim, the SP synchronises the user's groups as at sign-in.

  Background:
    Given the reference SP has a tenant "acme" with the generic profile signing in with OpenID Connect
    And the tenant signs in at the mock OP's generic issuer
    And the OpenID Connect tenant creates users at their first sign-in
    And the OpenID Connect tenant asks for the scope "offline_access"
    And the OpenID Connect tenant asks for the scope "groups" and synchronises the groups it gets
    And the OP's directory has "alice@example.com" in the groups "developers"
    And "alice@example.com" signed in with OpenID Connect before

  Scenario: A refresh answers the user's claims again
    When the SP refreshes the session's tokens
    Then the refreshed claims are "alice@example.com"'s with the groups "developers"

  Scenario: A refresh after the user's groups changed at the OP answers the new groups
    Given the OP's directory has "alice@example.com" in the groups "developers" and "release-managers"
    When the SP refreshes the session's tokens
    Then the refreshed claims are "alice@example.com"'s with the groups "developers" and "release-managers"

  Scenario: A refresh whose claims carry the groups synchronises the user's groups again
    Given the OP's directory has "alice@example.com" in the groups "release-managers"
    When the SP refreshes the session's tokens
    Then the OpenID Connect tenant has the user "alice@example.com" in exactly the groups "release-managers"
