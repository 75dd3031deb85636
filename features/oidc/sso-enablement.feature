@oidc @seed-ninjaone
Feature: A tenant whose single sign-on is not enabled yet signs nobody in over OpenID Connect but the Test Connection
  NinjaOne's guide, step 7: "When the test succeeds, click Save, and on the resulting page, click Enable. Single
  sign-on will now be active." The gate is the tenant's, whichever protocol signs in: until the administrator
  enables SSO only the administrator's Test Connection signs in, and a refused sign-in creates no user.

  Background:
    Given the reference SP has a tenant "ninja" with the NinjaOne profile signing in with OpenID Connect
    And the tenant signs in at the mock OP's Okta issuer
    And the user "alice@example.com" exists in the OpenID Connect tenant

  Scenario: A user's sign-in is refused while SSO is not enabled
    When "alice@example.com" signs in with OpenID Connect
    Then the SP refuses the OpenID Connect sign-in with "tenant/sso-not-enabled"
    And the SP has no OpenID Connect session

  Scenario: The administrator's Test Connection signs in although SSO is not enabled
    When the administrator selects Test Connection and "alice@example.com" signs in at the OP
    Then the OpenID Connect Test Connection result is:
      """
      { "protocol": "oidc", "email": "alice@example.com" }
      """

  Scenario: Once the administrator has enabled SSO, the user signs in
    Given the administrator has enabled SSO for the OpenID Connect tenant
    When "alice@example.com" signs in with OpenID Connect
    Then the SP signs "alice@example.com" in with OpenID Connect
