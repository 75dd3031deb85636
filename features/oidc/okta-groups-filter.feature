@oidc
Feature: Okta sends the groups its app's groups claim filter matches
  Okta's app, Sign On tab, Token claims (legacy configuration): "Groups claim type: Filter", a claim name and a
  filter ("Starts with", "Equals", "Contains", "Matches regex") over the user's group names. SonarQube's guide sets
  "groups" Matches regex ".*": every group. A narrower filter sends fewer groups, and the SP syncs only those.

  Background:
    Given the reference SP has a tenant "acme" with the generic profile signing in with OpenID Connect
    And the tenant signs in at the mock OP's Okta issuer
    And the OpenID Connect tenant creates users at their first sign-in
    And the OpenID Connect tenant synchronises the groups it gets
    And the OP's directory has "alice@example.com" in the groups "ENT_ORGA_ADMINS", "ENT_ORGA_DEVS" and "Everyone-Contractors"

  Scenario: The filter "groups" Matches regex ".*" sends every group
    Given the app's groups claim filter is "groups" Matches regex ".*"
    When "alice@example.com" signs in with OpenID Connect
    Then the ID token's "groups" claim is "ENT_ORGA_ADMINS", "ENT_ORGA_DEVS" and "Everyone-Contractors"
    And the OpenID Connect tenant has the user "alice@example.com" in exactly the groups "ENT_ORGA_ADMINS", "ENT_ORGA_DEVS" and "Everyone-Contractors"

  Scenario: A narrower regex sends only the groups it matches
    Given the app's groups claim filter is "groups" Matches regex "ENT_ORGA_.*"
    When "alice@example.com" signs in with OpenID Connect
    Then the ID token's "groups" claim is "ENT_ORGA_ADMINS" and "ENT_ORGA_DEVS"
    And the OpenID Connect tenant has the user "alice@example.com" in exactly the groups "ENT_ORGA_ADMINS" and "ENT_ORGA_DEVS"

  Scenario: A filter that "Starts with" a prefix sends the groups named with it
    Given the app's groups claim filter is "groups" Starts with "Everyone"
    When "alice@example.com" signs in with OpenID Connect
    Then the ID token's "groups" claim is "Everyone-Contractors"
