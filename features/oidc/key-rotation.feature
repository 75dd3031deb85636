@oidc @oidc-core-10.1.1
Feature: The SP follows the OP's signing key rotation
  OIDC Core §10.1.1: an OP rotates its signing keys by publishing the new key in its JWKS and signing with it; a
  relying party that meets an unknown "kid" fetches the JWKS again. The SP refetches once: a real rotation signs
  the user in, and a key the OP still does not publish after the refetch is refused.

  Background:
    Given the reference SP has a tenant "acme" with the generic profile signing in with OpenID Connect
    And the tenant signs in at the mock OP's generic issuer
    And the user "alice@example.com" exists in the OpenID Connect tenant
    And "alice@example.com" signed in with OpenID Connect before

  Scenario: After the OP rotates its signing key the next sign-in is accepted
    When the OP rotates its signing key
    And "alice@example.com" signs in with OpenID Connect
    Then the SP signs "alice@example.com" in with OpenID Connect
    And the ID token was signed with the OP's new key

  Scenario: A key the OP does not publish even after a refetch is refused
    Given the OP's next ID token is signed with a key the OP does not publish
    When "alice@example.com" signs in with OpenID Connect
    Then the SP refuses the OpenID Connect sign-in with "oidc/unknown-kid"
