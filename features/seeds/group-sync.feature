@saml @seed-sonarqube
Feature: Group synchronisation at sign-in, only into groups that exist in an organization
  SonarQube Cloud's guide, "If using JIT provisioning (Verify groups and permissions)": "JIT SSO users' group
  memberships are reset to match those in your identity provider upon login"; "the automatic group
  synchronization of a group applies if the group in Okta and the corresponding group in the SonarQube Cloud
  organization have the same (case-sensitive) name" (the guide's OrgA and OrgB); "the default SonarQube Cloud's
  Members group is excluded from the synchronization". A group the IdP sends that no organization has is
  never created.

  Background:
    Given the reference SP has a tenant "sonar" with the SonarQube profile
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant
    And "alice@example.com" is a member of "Members" and "legacy-team" in the tenant

  Rule: Memberships are reset to the IdP's groups that exist, the default group kept

    Scenario: Memberships are reset to the IdP's groups, the default group kept
      Given the organization "OrgA" has the groups "ENT_ORGA_ADMINS" and "developers"
      And the IdP sends "alice@example.com" in the groups "developers" and "ENT_ORGA_ADMINS"
      When "alice@example.com" signs in starting at the SP
      Then "alice@example.com" is a member of exactly "Members", "ENT_ORGA_ADMINS" and "developers" in the tenant

    Scenario: A group the IdP sends that no organization has is not created
      Given the organization "OrgA" has the groups "developers"
      And the IdP sends "alice@example.com" in the groups "developers" and "contractors"
      When "alice@example.com" signs in starting at the SP
      Then "alice@example.com" is a member of exactly "Members" and "developers" in the tenant
      And the SP reports the groups "contractors" as not synchronised
      And the tenant has no group "contractors"

    Scenario: Group names are case-sensitive
      Given the organization "OrgA" has the groups "legacy-team"
      And the IdP sends "alice@example.com" in the groups "Legacy-Team"
      When "alice@example.com" signs in starting at the SP
      Then "alice@example.com" is a member of exactly "Members" in the tenant
      And the SP reports the groups "Legacy-Team" as not synchronised
      And the tenant has no group "Legacy-Team"

    Scenario: The Members group is neither added nor removed by the sync
      Given the user "bob@example.com" exists in the tenant
      And the organization "OrgA" has the groups "developers"
      And the IdP sends "bob@example.com" in the groups "Members" and "developers"
      When "bob@example.com" signs in starting at the SP
      Then "bob@example.com" is a member of exactly "developers" in the tenant

  Rule: A group gives access to every organization that has a group of that name

    Scenario: The guide's OrgA and OrgB: each organization gets the groups it has
      Given the organization "OrgA" has the groups "ENT_ORGA_ADMINS" and "ENT_ALL_READERS"
      And the organization "OrgB" has the groups "ENT_ORGB_ADMINS" and "ENT_ALL_READERS"
      And the IdP sends "alice@example.com" in the groups "ENT_ORGA_ADMINS" and "ENT_ALL_READERS"
      When "alice@example.com" signs in starting at the SP
      Then the user's groups in the organization "OrgA" are "ENT_ORGA_ADMINS" and "ENT_ALL_READERS"
      And the user's groups in the organization "OrgB" are "ENT_ALL_READERS"

    Scenario: An organization none of whose groups the IdP sends is not given to the user
      Given the organization "OrgA" has the groups "ENT_ORGA_ADMINS"
      And the organization "OrgB" has the groups "ENT_ORGB_ADMINS"
      And the IdP sends "alice@example.com" in the groups "ENT_ORGA_ADMINS"
      When "alice@example.com" signs in starting at the SP
      Then the user's groups in the organization "OrgA" are "ENT_ORGA_ADMINS"
      And the user has no group in the organization "OrgB"

  Rule: Past Entra's group limit the token says nothing about groups, so nothing is removed

    @entra
    Scenario: A user in 150 groups at Entra has all 150 synchronised
      Given the tenant reads Entra's default claim names
      And the organization "OrgA" has the groups "team-001" to "team-150"
      And the IdP names its claims the way Entra does
      And the IdP sends "alice@example.com" in 150 groups
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in
      And "alice@example.com" is a member of 151 groups in the tenant

    @entra
    Scenario: A user in 151 groups at Entra keeps the memberships the SP already had
      Given the tenant reads Entra's default claim names
      And the organization "OrgA" has the groups "team-001" to "team-151"
      And the IdP names its claims the way Entra does
      And the IdP sends "alice@example.com" in 151 groups
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in
      And the SP reports that group synchronisation was skipped for Entra's group overage
      And "alice@example.com" is a member of exactly "Members" and "legacy-team" in the tenant
