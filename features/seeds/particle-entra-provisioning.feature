@saml @scim-to-saml @seed-particle
Feature: Particle: Entra provisions through the Particle SCIM URL, then the same user signs in over SAML (seed 000)
  Particle's guide, "Configuring user provisioning with SCIM":
  Step 1 — "Create an API User … click the teams.users:invite, teams.users:remove, teams.users:list,
  teams.users:update scopes. We suggest using the friendly name "SSO user provisioning" … Copy the access token
  (a 40-character string)".
  Step 2 — "Type in the SCIM URL https://api.particle.io/v1/orgs/<org_slug>/team/provision … Enter the access token
  for the API user … in the Secret Token field."
  Step 3 — "assign the Particle application to the desired users. Wait for the identity provider to perform the
  next user synchronization … Expect to see the user on the team page".
  And: "users created through SCIM will not have a password, so they will only be able to log in using SSO.
  Particle recommends keeping at least one user with password access (created outside of SCIM and invited to the
  organization manually)".
  Entra here is the mock IdP's provisioning engine sending Entra's real request shapes; the SCIM server and the SAML
  ACS are the same reference SP with one user store.

  Background:
    Given the reference SP has a tenant "particle" with the Particle profile
    And the tenant trusts the mock IdP through its metadata
    And the tenant's set-up is done through its admin API

  Rule: Step 1 — the API user's access token is a 40-character string with the four team scopes

    Scenario: Creating the API user "SSO user provisioning"
      When the admin creates the API user "SSO user provisioning" with Particle's four team scopes
      Then the API user's access token is a 40-character string
      And the API user holds exactly Particle's four team scopes

  Rule: Steps 2 and 3 — Entra provisions at the org's SCIM URL, and the provisioned user signs in over SAML

    Background:
      Given the admin creates the API user "SSO user provisioning" with Particle's four team scopes
      And Entra provisions to Particle's SCIM URL for the org "particle" with the API user's token

    @rfc7644-3.3
    Scenario: A user assigned in Entra is provisioned, then signs in by SSO, without a password
      Given "ada.lovelace@example.com" is assigned to the app in Entra
      When Entra synchronises the assigned users
      Then Entra's provisioning log shows "ada.lovelace@example.com" as created
      And Entra's requests for "ada.lovelace@example.com" were:
        | method | path                                                     | status |
        | GET    | /Users?filter=userName eq "ada.lovelace@example.com"     | 200    |
        | POST   | /Users                                                   | 201    |
      And every request Entra sent went to Particle's SCIM URL for the org "particle"
      And the tenant has a user "ada.lovelace@example.com" without a password
      When "ada.lovelace@example.com" signs in starting at the SP
      Then the SP signs "ada.lovelace@example.com" in

    Scenario: A user not assigned in Entra is not provisioned and cannot sign in
      Given "grace.hopper@example.com" is in Entra but not assigned to the app
      When Entra synchronises the assigned users
      Then the tenant has no user "grace.hopper@example.com"
      When "grace.hopper@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "user/unknown"

    @rfc7644-3.5.2
    Scenario: Unassigning the app removes access: the user is disabled and refused at sign-in
      Given "ada.lovelace@example.com" is assigned to the app in Entra
      And Entra synchronises the assigned users
      When the admin unassigns "ada.lovelace@example.com" from the app in Entra
      And Entra synchronises the assigned users
      Then Entra's provisioning log shows "ada.lovelace@example.com" as disabled
      And Entra's requests for "ada.lovelace@example.com" were:
        | method | path                                                     | status |
        | GET    | /Users?filter=userName eq "ada.lovelace@example.com"     | 200    |
        | POST   | /Users                                                   | 201    |
        | GET    | /Users/{id}                                              | 200    |
        | PATCH  | /Users/{id}                                              | 200    |
      When "ada.lovelace@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "user/inactive"

  Rule: The password user kept outside SCIM is never deleted by SCIM

    @rfc7644-3.6
    Scenario: Entra creates, disables and deletes its users; the password user is never touched
      Given the tenant has a password user "owner@example.com" invited outside SCIM
      And the admin creates the API user "SSO user provisioning" with Particle's four team scopes
      And Entra provisions to Particle's SCIM URL for the org "particle" with the API user's token
      And "ada.lovelace@example.com" is assigned to the app in Entra
      And Entra synchronises the assigned users
      When the admin unassigns "ada.lovelace@example.com" from the app in Entra
      And Entra synchronises the assigned users
      And the admin hard-deletes "ada.lovelace@example.com" in Entra
      And Entra synchronises the assigned users
      Then Entra's provisioning log shows "ada.lovelace@example.com" as deleted
      And the tenant has no user "ada.lovelace@example.com"
      And the tenant still has the password user "owner@example.com", active
      And Entra sent no request about "owner@example.com"
