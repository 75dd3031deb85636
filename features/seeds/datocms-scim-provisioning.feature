@saml @scim-to-saml @seed-datocms
Feature: DatoCMS: SAML + SCIM — Entra provisions the team member, who then signs in over SAML (seed 004)
  DatoCMS's guide: "Our SAML + SCIM implementation will allow team members to sign in securely through any identity
  provider … You can integrate DatoCMS with any provider that uses SAML 2.0 + Scim 2.0" (Microsoft Azure Active
  Directory among them). A DatoCMS tenant creates no user at sign-in: the team member is provisioned over SCIM first.
  Entra here is the mock IdP's provisioning engine; the SCIM endpoint and the SAML ACS are the same reference SP.

  Background:
    Given the reference SP has a tenant "datocms" with the DatoCMS profile
    And the tenant trusts the mock IdP through its metadata
    And the tenant accepts SCIM provisioning with a bearer token
    And Entra provisions to the tenant's SCIM endpoint with its bearer token

  @rfc7644-3.3
  Scenario: A team member Entra provisions signs in over SAML
    Given "ada.lovelace@example.com" is assigned to the app in Entra
    When Entra synchronises the assigned users
    Then Entra's provisioning log shows "ada.lovelace@example.com" as created
    And the tenant has a user "ada.lovelace@example.com" without a password
    When "ada.lovelace@example.com" signs in starting at the SP
    Then the SP signs "ada.lovelace@example.com" in

  Scenario: Someone Entra has not provisioned is refused, not created
    Given "grace.hopper@example.com" is in Entra but not assigned to the app
    When Entra synchronises the assigned users
    And "grace.hopper@example.com" signs in starting at the SP
    Then the SP rejects the sign-in with "user/unknown"
    And the tenant has no user "grace.hopper@example.com"

  @rfc7644-3.6
  Scenario: A team member hard-deleted in Entra is deleted over SCIM and can no longer sign in
    Given "ada.lovelace@example.com" is assigned to the app in Entra
    And Entra synchronises the assigned users
    When the admin unassigns "ada.lovelace@example.com" from the app in Entra
    And Entra synchronises the assigned users
    And the admin hard-deletes "ada.lovelace@example.com" in Entra
    And Entra synchronises the assigned users
    Then Entra's provisioning log shows "ada.lovelace@example.com" as deleted
    When "ada.lovelace@example.com" signs in starting at the SP
    Then the SP rejects the sign-in with "user/unknown"
