@saml @scim-to-saml
Feature: SSO and SCIM agree on the same user
  When a tenant both provisions users over SCIM and signs them in over SAML, both protocols act on one user. Each
  tenant says in its configuration which of them owns what (saml.identityPolicy, docs/reference-sp.md "Identity
  policy"): the profile (profile: scim | sign-in), group memberships (groups: scim | sign-in), and whether
  just-in-time provisioning may re-create a user SCIM deleted (scimDeletedUsers: stay-deleted | jit-recreates).
  Whatever the policy, a sign-in never re-activates a user SCIM deactivated, and never rewrites the userName.
  Aritma's guide, step 1: "With SCIM configured, users are pre-created by Entra ID before they ever log in, so
  autoProvisioningEnabled is not required for this setup. Enable it only if you also want to support logins from
  users not yet provisioned via SCIM" — and Entra ID "manages the full user lifecycle — creating and deprovisioning
  users in Aritma". Particle's guide, "Configuring user provisioning with SCIM": "users created through SCIM will
  not have a password, so they will only be able to log in using SSO". SonarQube Cloud's guide: "If you don't
  intend to use SCIM provisioning, you must first manage the user groups" — with SCIM, the groups are SCIM's.
  No guide says which protocol wins when both write: the outcomes below are the reference SP's, one per policy, so
  a vendor can compare its own product with them.

  Rule: The policy is explicit configuration, validated at start-up

    @seed-aritma
    Scenario Outline: A policy option outside its values is refused, naming its path
      Given a tenant "aritma" with the Aritma profile, trusting the mock IdP and provisioned over SCIM
      When the reference SP is configured with the identity policy option "<option>" set to "<value>"
      Then the configuration is refused at "tenants[0].saml.identityPolicy.<option>"

      Examples:
        | option           | value    |
        | profile          | idp      |
        | groups           | SCIM     |
        | scimDeletedUsers | recreate |

  Rule: SCIM decides whether an account exists and is active; a sign-in with JIT on does not bring it back

    @seed-aritma @rfc7644-3.6
    Scenario: A user deleted over SCIM is not re-created by a sign-in, even with JIT on
      Given a tenant "aritma" with the Aritma profile, trusting the mock IdP and provisioned over SCIM
      And the tenant has autoProvisioningEnabled
      And "alice@example.com" is provisioned to the tenant over SCIM
      And SCIM deletes "alice@example.com"
      When "alice@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "user/deprovisioned"
      And SCIM finds no user "alice@example.com"

    @seed-aritma @rfc7643-4.1.1
    Scenario: A user deactivated over SCIM is not re-activated by a sign-in, even with JIT on
      Given a tenant "aritma" with the Aritma profile, trusting the mock IdP and provisioned over SCIM
      And the tenant has autoProvisioningEnabled
      And "alice@example.com" is provisioned to the tenant over SCIM
      And SCIM deactivates "alice@example.com"
      When "alice@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "user/inactive"
      And SCIM shows "alice@example.com" as inactive

    @seed-aritma @rfc7643-4.1.1
    Scenario: Deactivated over SCIM, a signed-in user's session ends
      Given a tenant "aritma" with the Aritma profile, trusting the mock IdP and provisioned over SCIM
      And "alice@example.com" is provisioned to the tenant over SCIM
      And "alice@example.com" has signed in starting at the SP
      When SCIM deactivates "alice@example.com"
      Then the browser is no longer signed in to the SP

    @seed-aritma @rfc7643-4.1.1
    Scenario: Only SCIM re-activates: once it sets the user active again, the user signs in to the same account
      Given a tenant "aritma" with the Aritma profile, trusting the mock IdP and provisioned over SCIM
      And the tenant has autoProvisioningEnabled
      And "alice@example.com" is provisioned to the tenant over SCIM
      And SCIM deactivates "alice@example.com"
      When SCIM re-activates "alice@example.com"
      And "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in
      And SCIM lists exactly one user, "alice@example.com"

    @seed-aritma
    Scenario: JIT still creates a user SCIM never provisioned
      Given a tenant "aritma" with the Aritma profile, trusting the mock IdP and provisioned over SCIM
      And the tenant has autoProvisioningEnabled
      When "bob@example.com" signs in starting at the SP
      Then the SP signs "bob@example.com" in
      And SCIM lists exactly one user, "bob@example.com"

    @seed-aritma @rfc7644-3.6
    Scenario: A tenant whose policy lets JIT re-create deleted users gives the user a new account
      Given a tenant "aritma" with the Aritma profile, trusting the mock IdP and provisioned over SCIM
      And the tenant has autoProvisioningEnabled
      And the tenant's identity policy is:
        | scimDeletedUsers | jit-recreates |
      And "alice@example.com" is provisioned to the tenant over SCIM
      And SCIM hard-deletes "alice@example.com", as Entra does after the user is unassigned
      When "alice@example.com" signs in starting at the SP
      Then "alice@example.com" is signed in to a new account, not the one SCIM deleted

  Rule: A user re-assigned after a hard delete gets a new account, not the old one

    @seed-aritma @entra @rfc7644-3.6
    Scenario: A session of the deleted account does not sign the user in to the new one
      Given a tenant "aritma" with the Aritma profile, trusting the mock IdP and provisioned over SCIM
      And "alice@example.com" is provisioned to the tenant over SCIM
      And "alice@example.com" has signed in starting at the SP
      And SCIM hard-deletes "alice@example.com", as Entra does after the user is unassigned
      When SCIM provisions "alice@example.com" again, as Entra does when the user is re-assigned
      Then the browser is no longer signed in to the SP

    @seed-aritma @entra @rfc7644-3.3 @rfc7644-3.6
    Scenario: Entra end to end: hard-deleted, refused at sign-in with JIT on, then assigned again as a new account
      Given a tenant "aritma" with the Aritma profile, trusting the mock IdP and provisioned over SCIM
      And the tenant has autoProvisioningEnabled
      And Entra provisions to the tenant's SCIM endpoint with its bearer token
      And "ada.lovelace@example.com" is assigned to the app in Entra
      And Entra synchronises the assigned users
      And "ada.lovelace@example.com" has signed in starting at the SP
      And the account "ada.lovelace@example.com" signed in to is noted as the old account
      When the admin hard-deletes "ada.lovelace@example.com" in Entra
      And Entra synchronises the assigned users
      And "ada.lovelace@example.com" signs in starting at the SP
      Then Entra's provisioning log shows "ada.lovelace@example.com" as deleted
      And the SP rejects the sign-in with "user/deprovisioned"
      When "ada.lovelace@example.com" is assigned to the app in Entra
      And Entra synchronises the assigned users
      And "ada.lovelace@example.com" signs in starting at the SP
      Then Entra's provisioning log shows "ada.lovelace@example.com" as created
      And "ada.lovelace@example.com" is signed in to a new account, not the one SCIM deleted

    @seed-aritma @entra @rfc7644-3.3 @rfc7644-3.6
    Scenario: Re-assigned in Entra after a hard delete, the user signs in to a new account without the old groups
      Given a tenant "aritma" with the Aritma profile, trusting the mock IdP and provisioned over SCIM
      And the tenant has autoProvisioningEnabled
      And "alice@example.com" is provisioned to the tenant over SCIM
      And SCIM creates the group "finance" with the member "alice@example.com"
      And "alice@example.com" has signed in starting at the SP
      And SCIM hard-deletes "alice@example.com", as Entra does after the user is unassigned
      When SCIM provisions "alice@example.com" again, as Entra does when the user is re-assigned
      And "alice@example.com" signs in starting at the SP
      Then "alice@example.com" is signed in to a new account, not the one SCIM deleted
      And SCIM lists no members of "finance"

  Rule: The profile is SCIM's or the sign-in's, as the tenant's policy says

    @seed-particle @rfc7643-4.1.1
    Scenario: SCIM owns the profile: a sign-in with another surname does not change it
      Given a tenant "particle" with the Particle profile, trusting the mock IdP and provisioned over SCIM
      And the tenant's identity policy is:
        | profile | scim |
      And "alice@example.com" is provisioned to the tenant over SCIM
      And "alice@example.com" has the surname "Smith" in the IdP's directory
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in
      And SCIM shows "alice@example.com" with the family name "Example"

    @seed-particle @rfc7643-4.1.1
    Scenario: The sign-in owns the profile: the assertion's surname is written onto the user
      Given a tenant "particle" with the Particle profile, trusting the mock IdP and provisioned over SCIM
      And the tenant's identity policy is:
        | profile | sign-in |
      And "alice@example.com" is provisioned to the tenant over SCIM
      And "alice@example.com" has the surname "Smith" in the IdP's directory
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in
      And SCIM shows "alice@example.com" with the family name "Smith"

  Rule: Group memberships are SCIM's or the sign-in's, as the tenant's policy says

    @seed-sonarqube @rfc7643-4.2
    Scenario: A tenant that provisions groups over SCIM does not let a sign-in rewrite them
      Given a tenant "sonar" with the SonarQube profile, trusting the mock IdP and provisioned over SCIM
      And the tenant's identity policy is:
        | groups | scim |
      And "alice@example.com" is provisioned to the tenant over SCIM
      And SCIM creates the group "developers" with the member "alice@example.com"
      And the IdP sends "alice@example.com" in the groups "admins"
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in
      And the SP reports that group synchronisation was skipped because SCIM manages the groups
      And SCIM lists the members of "developers" as "alice@example.com"
      And SCIM finds no group "admins"

    @seed-sonarqube
    Scenario: A tenant whose groups follow the sign-in lets group sync rewrite what SCIM set
      Given a tenant "sonar" with the SonarQube profile, trusting the mock IdP and provisioned over SCIM
      And the tenant's identity policy is:
        | groups | sign-in |
      And "alice@example.com" is provisioned to the tenant over SCIM
      And SCIM creates the group "developers" with the member "alice@example.com"
      And the IdP sends "alice@example.com" in the groups "admins"
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in
      And SCIM lists no members of "developers"

  Rule: userName is matched case-insensitively on both sides and never rewritten by a sign-in

    @seed-aritma @rfc7643-4.1.1
    Scenario: SCIM changes only the case of the userName: the same account signs in, no second one is created
      Given a tenant "aritma" with the Aritma profile, trusting the mock IdP and provisioned over SCIM
      And the tenant has autoProvisioningEnabled
      And "alice@example.com" is provisioned to the tenant over SCIM
      And SCIM changes the userName "alice@example.com" to "Alice@Example.com"
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in
      And SCIM lists exactly one user, "Alice@Example.com"

    @seed-aritma @rfc7643-4.1.1
    Scenario: The IdP sends the userName in another case: no second account, and the userName is kept
      Given a tenant "aritma" with the Aritma profile, trusting the mock IdP and provisioned over SCIM
      And the tenant has autoProvisioningEnabled
      And the tenant's identity policy is:
        | profile | sign-in |
      And "alice@example.com" is provisioned to the tenant over SCIM
      When "ALICE@EXAMPLE.COM" signs in starting at the SP
      Then the SP signs "alice@example.com" in
      And SCIM lists exactly one user, "alice@example.com"
