@saml @scim-to-saml @seed-particle
Feature: Users provisioned over SCIM sign in over SAML
  The reference SP's SCIM server and its SAML side share one user store. Particle's guide: "users created through
  SCIM will not have a password, so they will only be able to log in using SSO", and unassigning the application
  in the IdP removes them.

  Background:
    Given the reference SP has a tenant "particle" with the Particle profile
    And the tenant trusts the mock IdP through its metadata
    And the tenant accepts SCIM provisioning with a bearer token

  @rfc7643-4.1.1
  Scenario: A user provisioned over SCIM signs in over SAML and has no password
    Given "alice@example.com" is provisioned to the tenant over SCIM
    When "alice@example.com" signs in starting at the SP
    Then the SP signs "alice@example.com" in
    And the tenant has a user "alice@example.com" without a password

  @rfc7644-3.5.2
  Scenario: A user deactivated over SCIM is refused at sign-in
    Given "alice@example.com" is provisioned to the tenant over SCIM
    And SCIM deactivates "alice@example.com"
    When "alice@example.com" signs in starting at the SP
    Then the SP rejects the sign-in with "user/inactive"

  @rfc7644-3.6
  Scenario: A user deleted over SCIM is refused at sign-in
    Given "alice@example.com" is provisioned to the tenant over SCIM
    And SCIM deletes "alice@example.com"
    When "alice@example.com" signs in starting at the SP
    Then the SP rejects the sign-in with "user/unknown"

  Scenario: userName matching at sign-in is case-insensitive, as SCIM's userName is
    Given "Alice@Example.com" is provisioned to the tenant over SCIM
    When "alice@example.com" signs in starting at the SP
    Then the SP signs "alice@example.com" in
