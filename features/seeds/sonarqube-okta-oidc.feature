@oidc @seed-sonarqube
Feature: SonarQube Cloud with Okta (OIDC), the setup assistant's five steps
  SonarQube's guide, "Okta OIDC": 1. Create application (an OIDC Web application whose sign-in redirect URI is
  the assistant's Callback URL); 2. Configure connection (the app's Client ID and Client Secret and the Okta
  domain into the assistant); 3. Claims mapping (Groups claim type Filter, "groups" Matches regex ".*");
  4. Assign access (Assign to Groups); 5. Test SSO ("Verify the JSON response. In particular, verify that the
  email and groups attributes are correct").
  Step 4 makes the app refuse everyone outside the assigned groups: Okta then answers access_denied at the
  Callback URL, which the Test Connection shows as oidc/idp-error.

  Background:
    Given SonarQube's setup assistant for Okta OIDC is open for the tenant "sonar"
    And the OP's directory has "alice@example.com" in the groups "ENT_ORGA_ADMINS" and "Everyone-Contractors"

  Scenario: The guide's steps end in a Test Connection JSON with the user's email and groups
    # 1. Create application
    Given the Okta administrator creates an OIDC Web application whose sign-in redirect URI is the assistant's Callback URL
    # 2. Configure connection
    And the administrator copies the application's Client ID, Client Secret and the Okta domain into the assistant
    # 3. Claims mapping
    And the app's groups claim filter is "groups" Matches regex ".*"
    # 4. Assign access
    And the app at the OP is assigned to the group "ENT_ORGA_ADMINS"
    # 5. Test SSO
    When the administrator selects Test Connection and "alice@example.com" signs in at the OP
    Then the OpenID Connect Test Connection result is:
      """
      {
        "protocol": "oidc",
        "login": "alice@example.com",
        "name": "Alice Example",
        "email": "alice@example.com",
        "groups": ["ENT_ORGA_ADMINS", "Everyone-Contractors"]
      }
      """

  Scenario: A user outside the groups the app is assigned to is refused, and the Test Connection says so
    Given the OP's directory has "bob@example.com" in the groups "Everyone-Contractors"
    And the Okta administrator creates an OIDC Web application whose sign-in redirect URI is the assistant's Callback URL
    And the administrator copies the application's Client ID, Client Secret and the Okta domain into the assistant
    And the app at the OP is assigned to the group "ENT_ORGA_ADMINS"
    When the administrator selects Test Connection and "bob@example.com" signs in at the OP
    Then the OpenID Connect Test Connection reports "oidc/idp-error"

  Scenario: Without the claims mapping step the Test Connection shows no groups
    Given the Okta administrator creates an OIDC Web application whose sign-in redirect URI is the assistant's Callback URL
    And the administrator copies the application's Client ID, Client Secret and the Okta domain into the assistant
    When the administrator selects Test Connection and "alice@example.com" signs in at the OP
    Then the OpenID Connect Test Connection result is:
      """
      { "email": "alice@example.com", "groups": [] }
      """

  Scenario: Before any test has run there is no result
    Given the Okta administrator creates an OIDC Web application whose sign-in redirect URI is the assistant's Callback URL
    And the administrator copies the application's Client ID, Client Secret and the Okta domain into the assistant
    Then the OpenID Connect Test Connection reports "test-connection/not-run"
