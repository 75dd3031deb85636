@saml @saml-profiles-4.1.4.5
Feature: The SP keeps its sign-in state across a restart
  Outstanding AuthnRequests, the IDs of accepted assertions and sessions live in the SP's SQLite store, with
  their expiry: a restart neither re-opens the replay window, nor signs everybody out, nor fails a sign-in that
  was on its way back from the IdP.

  Background:
    Given the reference SP keeps its state in a database file
    And the reference SP has a tenant "acme" with the generic profile
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant

  Scenario: A response accepted before a restart is refused as a replay after it
    Given "alice@example.com" has signed in starting at the SP
    When the reference SP restarts
    And the same Response is posted to the SP again
    Then the SP rejects the sign-in with "replay/detected"

  Scenario: A signed-in user is still signed in after a restart
    Given "alice@example.com" has signed in starting at the SP
    When the reference SP restarts
    Then the browser is still signed in as "alice@example.com"

  @saml-profiles-4.1.4.3
  Scenario: A sign-in started before a restart completes after it
    Given "alice@example.com" is signed in by the IdP but the browser is slow to post
    When the reference SP restarts
    And the browser posts the response
    Then the SP signs "alice@example.com" in
