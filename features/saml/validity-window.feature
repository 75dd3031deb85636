@saml @saml-core-2.5.1
Feature: Validity window and clock skew
  An assertion is valid from Conditions/NotBefore until Conditions/NotOnOrAfter (and the bearer
  SubjectConfirmationData/NotOnOrAfter). The SP tolerates a configured clock skew at both edges, and no more.

  Background:
    Given the clock reads "2026-01-01T12:00:00Z"
    And the reference SP has a tenant "acme" with the generic profile
    And the tenant allows a clock skew of 60 seconds
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant

  Rule: An assertion that is not yet valid is accepted only within the skew

    Scenario: An assertion valid 59 seconds from now is accepted
      Given the IdP's assertions become valid 59s from now
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in

    Scenario: An assertion valid 2 minutes from now is refused
      Given the IdP's assertions become valid 2m from now
      When "alice@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "conditions/not-yet-valid"

  Rule: An expired assertion is accepted only within the skew

    Scenario: An assertion that expired 30 seconds ago is accepted
      Given the IdP's assertions expired 30s ago
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in

    Scenario: An assertion that expired 10 minutes ago is refused
      Given the IdP's assertions expired 10m ago
      When "alice@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "conditions/expired"

    Scenario: An assertion posted after the clock moved past its lifetime is refused
      Given the IdP's assertions are valid for 5m
      And "alice@example.com" is signed in by the IdP but the browser is slow to post
      When 7 minutes pass before the browser posts the response
      Then the SP rejects the sign-in with "conditions/expired"
