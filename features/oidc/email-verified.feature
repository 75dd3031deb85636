@oidc @oidc-core-5.1
Feature: The SP takes an email address only when the OP says it is verified
  OIDC Core §5.1: "email_verified" is true when the End-User's email address was verified by the OP. A tenant
  that links accounts by email address (requireEmailVerified) refuses an unverified one: anyone could type any
  address into an OP that does not check it.

  Background:
    Given the reference SP has a tenant "acme" with the generic profile signing in with OpenID Connect
    And the tenant signs in at the mock OP's generic issuer
    And the user "alice@example.com" exists in the OpenID Connect tenant

  Scenario: A tenant that requires a verified email address refuses an ID token that says it is not
    Given the OpenID Connect tenant requires a verified email address
    And the OP's next ID token says the email address is not verified
    When "alice@example.com" signs in with OpenID Connect
    Then the SP refuses the OpenID Connect sign-in with "oidc/email-unverified"

  Scenario: A tenant that does not require a verified email address (the default) accepts it
    Given the OP's next ID token says the email address is not verified
    When "alice@example.com" signs in with OpenID Connect
    Then the SP signs "alice@example.com" in with OpenID Connect
