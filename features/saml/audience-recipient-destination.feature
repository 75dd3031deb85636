@saml @saml-profiles-4.1.4.3
Feature: Audience, Recipient and Destination
  A Response meant for another service provider, or posted to another endpoint, must not sign anyone in.

  Background:
    Given the reference SP has a tenant "acme" with the generic profile
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant

  @saml-core-2.5.1.4
  Scenario: An assertion for another audience is refused
    Given the IdP addresses the assertion to the audience "https://other-sp.example.com"
    When "alice@example.com" signs in starting at the SP
    Then the SP rejects the sign-in with "audience/mismatch"

  @saml-profiles-4.1.4.3
  Scenario: A bearer confirmation for another recipient is refused
    Given the IdP sets the bearer Recipient to "https://other-sp.example.com/acs"
    When "alice@example.com" signs in starting at the SP
    Then the SP rejects the sign-in with "recipient/mismatch"

  @saml-bindings-3.5.5.2
  Scenario: A Response whose Destination is another endpoint is refused
    Given the IdP sets the Response Destination to "https://other-sp.example.com/acs"
    When "alice@example.com" signs in starting at the SP
    Then the SP rejects the sign-in with "destination/mismatch"

  @saml-core-2.2.5
  Scenario: A Response from another issuer is refused
    Given the IdP names itself "https://impostor.example.com" as the issuer
    When "alice@example.com" signs in starting at the SP
    Then the SP rejects the sign-in with "issuer/mismatch"
