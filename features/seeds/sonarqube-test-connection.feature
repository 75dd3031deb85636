@saml @seed-sonarqube
Feature: SonarQube Cloud's Test Connection shows the JSON of what the sign-in received
  SonarQube's guide, Custom SAML, step "Test the SSO connection": "In your identity provider, assign the user
  groups to the SonarQube Cloud application (to be able to perform the test, at least one group or user must be
  assigned). In the SonarQube Cloud's setup assistant, select the Test Connection button. The test is started and
  the results are displayed on the page"; Okta OIDC, step "Test SSO": "Verify the JSON response. In particular,
  verify that the email and groups attributes are correct."
  The reference SP's Test Connection page (GET /saml/{tenant}/test-connection) starts a real sign-in and shows
  the login, name, email and groups it received, read through the tenant's attribute mapping.

  Background:
    Given the reference SP has a tenant "sonar" with the SonarQube profile
    And the tenant trusts the mock IdP through its metadata
    And the organization "OrgA" has the groups "ENT_ORGA_ADMINS"

  Scenario: The test signs the user in and shows login, name, email and groups as received
    Given the IdP sends "alice@example.com" in the groups "ENT_ORGA_ADMINS" and "contractors"
    When the administrator selects Test Connection and "alice@example.com" signs in at the IdP
    Then the browser is back on the Test Connection page
    And the Test Connection result is:
      """
      {
        "protocol": "saml",
        "login": "alice@example.com",
        "name": "Alice Example",
        "email": "alice@example.com",
        "groups": ["ENT_ORGA_ADMINS", "contractors"]
      }
      """
    And the Test Connection page shows the same JSON

  Scenario: A misnamed groups claim shows as no groups in the test, next to the name the IdP used
    Given the IdP sends the attribute "memberOf" instead of "groups"
    And the IdP sends "alice@example.com" in the groups "ENT_ORGA_ADMINS"
    When the administrator selects Test Connection and "alice@example.com" signs in at the IdP
    Then the Test Connection result is:
      """
      {
        "email": "alice@example.com",
        "groups": [],
        "attributes": {
          "login": ["alice@example.com"],
          "email": ["alice@example.com"],
          "name": ["Alice Example"],
          "memberOf": ["ENT_ORGA_ADMINS"]
        }
      }
      """

  Scenario: Before any test has run there is no result
    Then the Test Connection reports "test-connection/not-run"

  Scenario: A test the SP refuses leaves no result, and the refusal says why
    Given the IdP signs with a key the SP does not trust
    When the administrator selects Test Connection and "alice@example.com" signs in at the IdP
    Then the browser shows the sign-in refused with "signature/invalid"
    And the Test Connection reports "test-connection/not-run"

  Scenario: With no user assigned to the application at the IdP the test cannot sign in
    Given the IdP's app for the tenant requires user assignment
    When the administrator selects Test Connection and "alice@example.com" signs in at the IdP
    Then the IdP refuses the AuthnRequest with "user/not-assigned"
    And the Test Connection reports "test-connection/not-run"
