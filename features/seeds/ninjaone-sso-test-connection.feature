@saml @seed-ninjaone
Feature: NinjaOne: Test Connection fails until a user is assigned to the app at the IdP (seed 002)
  NinjaOne's guide, "Setting Up SSO in NinjaOne", step 6: "Under 'Import Metadata from:', select 'URL' and paste the
  URL … Then, click 'Test Connection.' If an error message appears, verify that the correct user has been assigned.
  If no user has been assigned, please assign one before testing the URL again." Step 7: "After testing the
  connection, you may be prompted to log in."
  The IdP is set up as Entra with "Assignment required?" = Yes: a user not assigned to the app is refused with
  `user/not-assigned` (Entra's AADSTS50105) on the IdP's error page and never comes back to the SP. The reference
  SP's Test Connection page (GET /saml/{tenant}/test-connection) starts a real sign-in and shows what it received.
  SSO is enabled here, so the last scenario's users sign in (Test Connection before Enable:
  features/seeds/ninjaone-sso-enable.feature).

  Background:
    Given the reference SP has a tenant "ninja" with the NinjaOne profile
    And the tenant's SSO was enabled in its configuration
    And the tenant imports the mock IdP's metadata from its URL
    And the user "alice@example.com" exists in the tenant
    And the IdP's app for the tenant requires user assignment

  Scenario: With no user assigned, the test fails with a clear message and leaves no result
    When the administrator selects Test Connection and "alice@example.com" signs in at the IdP
    Then the IdP refuses the sign-in with "user/not-assigned"
    And the Test Connection reports "test-connection/not-run"

  Scenario: Once the user is assigned, testing again succeeds and shows who signed in
    Given the administrator selects Test Connection and "alice@example.com" signs in at the IdP
    And the IdP refuses the sign-in with "user/not-assigned"
    When the admin assigns "alice@example.com" to the app at the IdP
    And the administrator selects Test Connection and "alice@example.com" signs in at the IdP
    Then the browser is back on the Test Connection page
    And the Test Connection result is:
      """
      { "protocol": "saml", "login": "alice@example.com" }
      """

  Scenario: A user assigned to the app signs in; another user still is refused
    Given the admin assigns "alice@example.com" to the app at the IdP
    And the user "bob@example.com" exists in the tenant
    When "bob@example.com" signs in starting at the SP
    Then the IdP refuses the sign-in with "user/not-assigned"
    When "alice@example.com" signs in starting at the SP
    Then the SP signs "alice@example.com" in
