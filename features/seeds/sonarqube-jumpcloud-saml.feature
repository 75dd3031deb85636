@saml @seed-sonarqube
Feature: SonarQube Cloud with JumpCloud (Custom SAML)
  SonarQube's guide, Custom SAML, step "Create and set up the SonarQube Cloud application in your identity
  provider", JumpCloud: "SP Entity ID: Copy-paste the Single Sign-On URL field value from the setup assistant";
  "ACS URL: Copy-paste the Single Sign-On URL"; User Attributes: Name ← username, Login ← displayname,
  Email ← email; "Under the Constant Attributes section, select the Include Group Attribute option. Copy the
  group attribute name from the assistant and paste it into Groups Attribute Name."
  JumpCloud addresses its assertions to its "SP Entity ID", here the Single Sign-On URL: the SonarQube tenant
  accepts that URL as its audience (saml.acsUrlAsAudience in the SonarQube profile).

  Background:
    Given the reference SP has a tenant "sonar" with the SonarQube profile
    And the tenant trusts the mock IdP through its metadata
    And the organization "OrgA" has the groups "ENT_ORGA_ADMINS"
    And the IdP maps the attributes as SonarQube's guide says for JumpCloud
    And the IdP sends "alice@example.com" in the groups "ENT_ORGA_ADMINS"

  Scenario: Login is JumpCloud's displayname, Name its username, and the group attribute is included
    Given the IdP's SP Entity ID for the SP is the SP's Single Sign-On URL
    When the administrator selects Test Connection and "alice@example.com" signs in at the IdP
    Then the browser is back on the Test Connection page
    And the Test Connection result is:
      """
      { "login": "Alice Example", "name": "alice@example.com", "email": "alice@example.com", "groups": ["ENT_ORGA_ADMINS"] }
      """

  Scenario: The assertion addressed to the Single Sign-On URL signs the user in, with the groups synchronised
    Given the IdP's SP Entity ID for the SP is the SP's Single Sign-On URL
    When "alice@example.com" signs in starting at the SP
    Then the SP signs "Alice Example" in
    And "Alice Example" is a member of exactly "ENT_ORGA_ADMINS" in the tenant

  Scenario: An SP that accepts only its entity ID as the audience refuses JumpCloud's assertion
    Given the tenant accepts only its entity ID as the audience
    And the IdP's SP Entity ID for the SP is the SP's Single Sign-On URL
    When "alice@example.com" signs in starting at the SP
    Then the SP rejects the sign-in with "audience/mismatch"
