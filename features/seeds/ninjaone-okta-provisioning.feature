@saml @scim-to-saml @seed-ninjaone
Feature: NinjaOne: the Okta provisioning path, then the provisioned user signs in over SAML (seed 002)
  NinjaOne's guide, "Configure SCIM": "The following instructions have been confirmed to support Entra ID and Okta
  only." The tenant URL is "the SCIM API endpoint, formatted as https://{tenant-hostname}/ws/scim/v2" with the SCIM
  secret token; step 10 adds the required organizationId of the ninjaone extension, step 15 "To create global end
  users, use all as the user's organization ID".
  Okta here is the mock IdP's Okta SCIM client (explicit paging on lookups, PUT updates, a path-less PATCH to
  deactivate, never a DELETE), provisioning with NinjaOne's attribute table into the reference SP that then signs
  the user in over SAML.

  Background:
    Given the reference SP has a tenant "ninja" with the NinjaOne profile
    And the tenant's SSO was enabled in its configuration
    And the tenant imports the mock IdP's metadata from its URL
    And the IdP names its claims the way Okta does
    And the tenant accepts SCIM provisioning with a bearer token
    And Okta provisions to NinjaOne's SCIM URL with the tenant's secret token, using NinjaOne's attribute table

  @rfc7644-3.3
  Scenario: A user assigned in Okta is created at /ws/scim/v2 as a global end user, then signs in
    Given "ada.lovelace@example.com" is assigned to the app in Okta
    When Okta synchronises the assigned users
    Then Okta's provisioning log shows "ada.lovelace@example.com" as created
    And the tenant stores "ada.lovelace@example.com" in the NinjaOne organization "all"
    When "ada.lovelace@example.com" signs in starting at the SP
    Then the SP signs "ada.lovelace@example.com" in

  @rfc7644-3.5.2
  Scenario: Unassigning the user in Okta deactivates it, and the SP refuses its sign-in
    Given "ada.lovelace@example.com" is assigned to the app in Okta
    And Okta synchronises the assigned users
    When the admin unassigns "ada.lovelace@example.com" from the app in Okta
    And Okta synchronises the assigned users
    Then Okta's provisioning log shows "ada.lovelace@example.com" as disabled
    When "ada.lovelace@example.com" signs in starting at the SP
    Then the SP rejects the sign-in with "user/inactive"
