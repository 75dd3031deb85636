@saml @seed-sonarqube
Feature: Group synchronisation at sign-in
  SonarQube Cloud resets a user's group memberships to the groups the IdP sends at each sign-in. Group names
  are case-sensitive, and the default members group is never removed.

  Background:
    Given the reference SP has a tenant "sonar" with the SonarQube profile
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant
    And "alice@example.com" is a member of "Members" and "legacy-team" in the tenant

  Scenario: Memberships are reset to the IdP's groups, the default group kept
    Given the IdP sends "alice@example.com" in the groups "developers" and "admins"
    When "alice@example.com" signs in starting at the SP
    Then "alice@example.com" is a member of exactly "Members", "admins" and "developers" in the tenant

  Scenario: Group names are case-sensitive
    Given the IdP sends "alice@example.com" in the groups "Legacy-Team"
    When "alice@example.com" signs in starting at the SP
    Then "alice@example.com" is a member of exactly "Legacy-Team" and "Members" in the tenant

  Rule: Past Entra's group limit the token says nothing about groups, so nothing is removed

    @entra
    Scenario: A user in 150 groups at Entra has all 150 synchronised
      Given the tenant reads Entra's default claim names
      And the IdP names its claims the way Entra does
      And the IdP sends "alice@example.com" in 150 groups
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in
      And "alice@example.com" is a member of 151 groups in the tenant

    @entra
    Scenario: A user in 151 groups at Entra keeps the memberships the SP already had
      Given the tenant reads Entra's default claim names
      And the IdP names its claims the way Entra does
      And the IdP sends "alice@example.com" in 151 groups
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in
      And the SP reports that group synchronisation was skipped for Entra's group overage
      And "alice@example.com" is a member of exactly "Members" and "legacy-team" in the tenant
