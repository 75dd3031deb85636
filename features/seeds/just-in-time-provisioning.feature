@saml @seed-aritma
Feature: Just-in-time user creation at sign-in
  Aritma's guide: "autoProvisioningEnabled controls just-in-time user creation at login time." Without it, only
  users that already exist (for example provisioned over SCIM) can sign in.

  Scenario: With autoProvisioningEnabled, an unknown user is created at sign-in
    Given the reference SP has a tenant "aritma" with the Aritma profile
    And the tenant has autoProvisioningEnabled
    And the tenant trusts the mock IdP through its metadata
    When "newcomer@example.com" signs in starting at the SP
    Then the SP signs "newcomer@example.com" in
    And the tenant has a user "newcomer@example.com" without a password

  Scenario: Without autoProvisioningEnabled, an unknown user is refused
    Given the reference SP has a tenant "aritma" with the Aritma profile
    And the tenant does not have autoProvisioningEnabled
    And the tenant trusts the mock IdP through its metadata
    When "newcomer@example.com" signs in starting at the SP
    Then the SP rejects the sign-in with "user/unknown"
    And the tenant has no user "newcomer@example.com"
