@saml @seed-ninjaone
Feature: NinjaOne: single sign-on is active only once the administrator clicks Enable (seed 002)
  NinjaOne's guide, "Setting Up SSO in NinjaOne", step 7: "After testing the connection, you may be prompted to log
  in. When the test succeeds, click Save, and on the resulting page, click Enable. Single sign-on will now be
  active." Until then the SSO configuration is saved but not enabled: a user's sign-in is refused with
  `tenant/sso-not-enabled`, and only the administrator's Test Connection (step 6) signs in. A sign-in is a Test
  Connection only when it answers the AuthnRequest the Test Connection button sent: the SP records why it sent each
  request, so asking to come back to the Test Connection page does not make a sign-in a test; and the test's session
  reaches the Test Connection page only, never the application. The Enable is the
  admin API's POST /admin/v1/tenants/{tenant}/sso/enable, kept in the SP's database.

  Background:
    Given the reference SP keeps its state in a database file
    And the reference SP has a tenant "ninja" with the NinjaOne profile
    And the tenant imports the mock IdP's metadata from its URL
    And the tenant's set-up is done through its admin API
    And the user "alice@example.com" exists in the tenant

  Scenario: Before Enable, a user's sign-in is refused
    When "alice@example.com" signs in starting at the SP
    Then the SP rejects the sign-in with "tenant/sso-not-enabled"
    And the admin API reports the tenant's SSO as not enabled

  Scenario: Before Enable, asking to come back to the Test Connection page does not make a sign-in a test
    When "alice@example.com" signs in starting at the SP to return to "/saml/ninja/test-connection"
    Then the browser shows the sign-in refused with "tenant/sso-not-enabled"
    And the Test Connection reports "test-connection/not-run"

  Scenario: Before Enable, the Test Connection still signs in
    When the administrator selects Test Connection and "alice@example.com" signs in at the IdP
    Then the browser is back on the Test Connection page
    And the Test Connection result is:
      """
      { "protocol": "saml", "login": "alice@example.com" }
      """
    But the browser is no longer signed in to the SP

  Scenario: Once the administrator enables SSO, users sign in, and it stays enabled after a restart
    Given the administrator selects Test Connection and "alice@example.com" signs in at the IdP
    When the administrator enables SSO for the tenant
    Then the admin API reports the tenant's SSO as enabled
    When "alice@example.com" signs in starting at the SP
    Then the SP signs "alice@example.com" in
    When the reference SP restarts
    And "alice@example.com" signs in starting at the SP
    Then the SP signs "alice@example.com" in
