@oidc @entra
Feature: Entra ID leaves the groups out of an ID token past its limit and points at Microsoft Graph
  Microsoft identity platform, ID token claims reference, "groups" and the groups overage claim: past 200 groups
  in a JWT, Entra sends no "groups" claim but "_claim_names"/"_claim_sources" naming where to read them
  (Microsoft Graph; OIDC Core §5.6.2, distributed claims). The SP must not take "no groups claim" for "no
  groups": it leaves the user's memberships as they were.

  Background:
    Given the reference SP has a tenant "acme" with the generic profile signing in with OpenID Connect
    And the tenant signs in at the mock OP's Entra issuer
    And the OpenID Connect tenant creates users at their first sign-in
    And the OpenID Connect tenant synchronises the groups it gets
    And the OP's directory has "alice@example.com" in the groups "team-001" and "team-002"
    And "alice@example.com" signed in with OpenID Connect before

  Scenario: Within the limit the ID token lists the groups and the SP syncs them
    Then the ID token's "groups" claim has 2 groups
    And the OpenID Connect tenant has the user "alice@example.com" in exactly the groups "team-001" and "team-002"

  Scenario: Past the limit the ID token has no groups but the pointer to Microsoft Graph, and the memberships stay
    Given the OP's directory has "alice@example.com" in 201 numbered groups "team-###"
    When "alice@example.com" signs in with OpenID Connect
    Then the ID token has no "groups" claim but points at Microsoft Graph for it
    And the SP signs "alice@example.com" in with OpenID Connect
    And the OpenID Connect tenant has the user "alice@example.com" in exactly the groups "team-001" and "team-002"
