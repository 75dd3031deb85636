@saml @seed-sonarqube @entra
Feature: SonarQube Cloud with Microsoft Entra ID (Custom SAML)
  SonarQube's guide, Custom SAML, step "Create and set up the SonarQube Cloud application in your identity
  provider", Microsoft Entra ID, 3. Attribute Mapping: "Remove the namespaced attributes added by Microsoft Entra
  ID and listed in the Additional claims section"; a claim named by the assistant's Mapping value for Email
  (user.mail), Login (user.userprincipalname) and Name (user.givenname); a group claim with "Groups assigned to
  the application" whose source attribute is "Cloud-only group display names or (if using on-prem Active
  Directory for group synchronisation) sAMAccountName", with "Emit group name for cloud-only groups" selected
  when using sAMAccountName. The guide warns: "Group synchronization doesn't work with Microsoft Entra ID's
  nested groups."

  Background:
    Given the reference SP has a tenant "sonar" with the SonarQube profile
    And the tenant trusts the mock IdP through its metadata
    And the organization "Docs-Team" has the groups "Communications"
    And the IdP maps the attributes as SonarQube's guide says for Microsoft Entra ID

  Rule: The namespaced claims are removed and the assistant's names carry the user

    Scenario: The Test Connection shows login, name, email and groups under the assistant's names
      Given the IdP sends "alice@example.com" in the groups "Communications"
      When the administrator selects Test Connection and "alice@example.com" signs in at the IdP
      Then the Test Connection result is:
        """
        { "login": "alice@example.com", "name": "Alice", "email": "alice@example.com", "groups": ["Communications"] }
        """

    Scenario: A sign-in reads the assistant's names and no namespaced claim arrives
      Given the IdP sends "alice@example.com" in the groups "Communications"
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in
      And the SP received no attribute "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"
      And "alice@example.com" is a member of exactly "Communications" in the tenant

    Scenario: Entra's default namespaced claims alone do not carry the assistant's attributes
      Given the IdP names its claims the way Entra does
      When "alice@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "attributes/missing"

  Rule: Group names are cloud-only display names or on-premises sAMAccountNames

    Scenario: An on-premises group by its sAMAccountName and a cloud-only group by its name are both synchronised
      Given the organization "OrgA" has the groups "ENT_ORGA_ADMINS"
      And the IdP sends "alice@example.com" in the groups "ENT_ORGA_ADMINS" and "Communications"
      When "alice@example.com" signs in starting at the SP
      Then "alice@example.com" is a member of exactly "Communications" and "ENT_ORGA_ADMINS" in the tenant
      And the user's groups in the organization "Docs-Team" are "Communications"
      And the user's groups in the organization "OrgA" are "ENT_ORGA_ADMINS"

    Scenario: Without "Emit group name for cloud-only groups" a cloud-only group arrives as its object ID and is not synchronised
      Given the organization "OrgA" has the groups "ENT_ORGA_ADMINS"
      And the IdP sends "alice@example.com" in the groups "ENT_ORGA_ADMINS" and "5f1c7e2a-0d4b-4c1e-9a55-2b7f7c3d9e10"
      When "alice@example.com" signs in starting at the SP
      Then "alice@example.com" is a member of exactly "ENT_ORGA_ADMINS" in the tenant
      And the SP reports the groups "5f1c7e2a-0d4b-4c1e-9a55-2b7f7c3d9e10" as not synchronised

  Rule: Nested groups are not supported: only the groups the token names are synchronised

    Scenario: A member of a group nested in a synchronised group is not synchronised into it
      Given "alice@example.com" is in the group "Tech-Writers", which the IdP nests in "Communications"
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in
      And "alice@example.com" is a member of 0 groups in the tenant
      And the SP reports the groups "Tech-Writers" as not synchronised

  Rule: Entra's group overage applies under the assistant's group claim name too
    Past 150 groups Entra leaves the group claim out of a SAML token, whatever it is named, and sends the
    groups.link overage claim instead (Microsoft Learn, "Configure group claims for applications by using Microsoft
    Entra ID"): the SP keeps the memberships it had rather than emptying them.

    Scenario: A user in 151 groups arrives without the groups claim and with the overage claim; memberships are kept
      Given the organization "OrgA" has the groups "team-001" to "team-151"
      And the IdP sends "alice@example.com" in 151 groups
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in
      And the SP received no attribute "groups"
      And the SP reports that group synchronisation was skipped for Entra's group overage
      And "alice@example.com" is a member of 0 groups in the tenant
