@saml @scim-to-saml @seed-aritma
Feature: Aritma: step 3 end to end — Entra provisions with the token linked to the provider, users sign in (seed 001)
  Aritma's guide, "Set Up Enterprise SSO and SCIM":
  Step 1 — "Register an Azure AD SSO provider … Note the scheme you chose". "autoProvisioningEnabled controls
  just-in-time user creation at login time. With SCIM configured, users are pre-created by Entra ID before they ever
  log in, so autoProvisioningEnabled is not required … Enable it only if you also want to support logins from users
  not yet provisioned via SCIM."
  Step 2 — "Create a SCIM token linked to the provider … The provider field must match the scheme".
  Step 3 — "Tenant URL — your Aritma SCIM endpoint; Secret Token — the token from step 2. Once saved, Entra ID will
  begin provisioning users assigned to the application. And users can log in using Entra ID."
  Entra here is the mock IdP's provisioning engine; the SCIM endpoint and the SAML ACS are the same reference SP.

  Background:
    Given the reference SP has a tenant "aritma" with the Aritma profile

  Rule: With autoProvisioningEnabled off (the guide's SCIM set-up), only users Entra provisioned sign in

    Background:
      Given the tenant does not have autoProvisioningEnabled
      And the tenant trusts the mock IdP through its metadata
      And the tenant's set-up is done through its admin API
      And the admin registers the tenant's Azure AD SSO provider with the scheme "entra-id"
      And the admin creates a SCIM token linked to the provider "entra-id"
      And Entra provisions to the tenant's SCIM endpoint with the token linked to "entra-id"

    @rfc7644-3.3
    Scenario: A user assigned in Entra is provisioned, then signs in through the Entra provider
      Given "ada.lovelace@example.com" is assigned to the app in Entra
      When Entra synchronises the assigned users
      Then Entra's provisioning log shows "ada.lovelace@example.com" as created
      And the tenant has a user "ada.lovelace@example.com" without a password
      When "ada.lovelace@example.com" signs in starting at the SP
      Then the SP signs "ada.lovelace@example.com" in

    Scenario: A user Entra has not provisioned is refused at sign-in and not created
      Given "grace.hopper@example.com" is in Entra but not assigned to the app
      When Entra synchronises the assigned users
      And "grace.hopper@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "user/unknown"
      And the tenant has no user "grace.hopper@example.com"

    Scenario: Once the admin assigns the app, the next synchronisation lets the user in
      Given "grace.hopper@example.com" is in Entra but not assigned to the app
      And Entra synchronises the assigned users
      When the admin assigns "grace.hopper@example.com" to the app in Entra
      And Entra synchronises the assigned users
      And "grace.hopper@example.com" signs in starting at the SP
      Then the SP signs "grace.hopper@example.com" in

  Rule: With autoProvisioningEnabled on, a user not yet provisioned is created at sign-in, and Entra then matches it

    Background:
      Given the tenant has autoProvisioningEnabled
      And the tenant trusts the mock IdP through its metadata
      And the tenant's set-up is done through its admin API
      And the admin registers the tenant's Azure AD SSO provider with the scheme "entra-id"
      And the admin creates a SCIM token linked to the provider "entra-id"
      And Entra provisions to the tenant's SCIM endpoint with the token linked to "entra-id"

    Scenario: A user Entra has not provisioned signs in and is created just in time
      Given "grace.hopper@example.com" is in Entra but not assigned to the app
      When Entra synchronises the assigned users
      And "grace.hopper@example.com" signs in starting at the SP
      Then the SP signs "grace.hopper@example.com" in
      And the tenant has a user "grace.hopper@example.com" without a password

    @rfc7644-3.4.2.2
    Scenario: Entra later finds the user created at sign-in by its userName and does not create a second one
      Given "grace.hopper@example.com" is in Entra but not assigned to the app
      And "grace.hopper@example.com" has signed in starting at the SP
      When the admin assigns "grace.hopper@example.com" to the app in Entra
      And Entra synchronises the assigned users
      Then Entra's provisioning log shows "grace.hopper@example.com" as updated
      And the tenant has exactly one user "grace.hopper@example.com"
