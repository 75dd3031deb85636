@saml @seed-particle
Feature: Particle requires exactly email, firstName and lastName
  Particle's guide: "These exact attribute names (email, firstName, and lastName) must appear in the SAML
  assertion." A missing or misspelled one makes Particle show a "general non-success" error.

  Background:
    Given the reference SP has a tenant "particle" with the Particle profile
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant

  Scenario: The three expected attributes sign the user in
    Given the IdP sends the attributes "email", "firstName" and "lastName"
    When "alice@example.com" signs in starting at the SP
    Then the SP signs "alice@example.com" in

  Scenario: A misspelled email attribute is rejected with a clear reason
    Given the IdP sends the attribute "emailaddress" instead of "email"
    When "alice@example.com" signs in starting at the SP
    Then the SP rejects the sign-in with "attributes/missing" naming the expected attribute "email"
    And the error page says "general non-success"

  Scenario: Wrong capitalisation counts as a misspelling
    Given the IdP sends the attribute "FirstName" instead of "firstName"
    When "alice@example.com" signs in starting at the SP
    Then the SP rejects the sign-in with "attributes/missing" naming the expected attribute "firstName"

  Scenario: Entra's default claim names are not what Particle expects
    Given the IdP names its claims the way Entra does
    When "alice@example.com" signs in starting at the SP
    Then the SP rejects the sign-in with "attributes/missing" naming the expected attribute "email"
