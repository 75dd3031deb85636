@saml @seed-sonarqube
Feature: SonarQube Cloud with Okta (Custom SAML)
  SonarQube's guide, Custom SAML, step "Create and set up the SonarQube Cloud application in your identity
  provider", Okta: "Response: Signed; Assertion Signature: Signed; Signature Algorithm: RSA-SHA256"; "Assertion
  Encryption: Encrypted; Encryption Algorithm: AES256-GCM; Key Transport Algorithm: RSA-OAEP"; and, 3. Attribute
  Mapping: Name ← user.firstName, Login ← user.login, Email ← user.email (Name format Unspecified), Groups with the
  filter "Matches regex .*".

  Background:
    Given the reference SP has a tenant "sonar" with the SonarQube profile
    And the tenant trusts the mock IdP through its metadata
    And the organization "OrgA" has the groups "ENT_ORGA_ADMINS"
    And the IdP maps the attributes as SonarQube's guide says for Okta
    And the IdP sends "alice@example.com" in the groups "ENT_ORGA_ADMINS"

  Scenario: Response and assertion signed with RSA-SHA256, the assertion encrypted with AES256-GCM and RSA-OAEP
    Given the IdP signs the response and assertion with RSA-SHA256
    And the IdP encrypts the assertion with AES256-GCM and RSA-OAEP
    When "alice@example.com" signs in starting at the SP
    Then the SP signs "alice@example.com" in
    And "alice@example.com" is a member of exactly "ENT_ORGA_ADMINS" in the tenant

  Scenario: Okta's attribute statements reach the assistant's mapping: the Name is the first name
    Given the IdP signs the response and assertion with RSA-SHA256
    When the administrator selects Test Connection and "alice@example.com" signs in at the IdP
    Then the Test Connection result is:
      """
      { "login": "alice@example.com", "name": "Alice", "email": "alice@example.com", "groups": ["ENT_ORGA_ADMINS"] }
      """

  Scenario Outline: A response without both signatures is refused (only the <placement> signed)
    Given the IdP signs the <placement> with RSA-SHA256
    When "alice@example.com" signs in starting at the SP
    Then the SP rejects the sign-in with "signature/missing"

    Examples:
      | placement |
      | response  |
      | assertion |

  Scenario: A response signed with RSA-SHA1 is refused: the guide's algorithm is RSA-SHA256
    Given the IdP signs the response and assertion with RSA-SHA1
    When "alice@example.com" signs in starting at the SP
    Then the SP rejects the sign-in with "signature/algorithm-refused"
