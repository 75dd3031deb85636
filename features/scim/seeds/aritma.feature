@scim @bundled-only @seed-aritma
Feature: Aritma: an Entra SSO provider, then a SCIM token linked to its scheme (seed 001)
  Aritma's guide registers an Azure AD (Entra) SSO provider with a chosen scheme, then creates a SCIM token whose
  provider field must match that scheme; the token value is shown only once. The reference server's admin API
  reproduces the flow.

  Rule: An Entra identity provider is registered with a scheme

    @id:SEED-ARITMA-01 @must
    Scenario: Registering an Entra SSO provider
      When the admin registers an Entra identity provider with the scheme "entra"
      Then the admin API answers 201
      And the tenant's identity providers include the scheme "entra"

  Rule: A SCIM token is linked to the provider's scheme and its value is shown once

    @id:SEED-ARITMA-02 @must
    Scenario: A SCIM token linked to the provider provisions users
      Given an Entra identity provider with the scheme "entra" is registered
      When the admin creates a SCIM token for the provider "entra"
      Then the admin API answers 201 with the token value
      And the SCIM endpoint accepts that token

    @id:SEED-ARITMA-03 @must
    Scenario: Listing tokens never shows a token value
      Given an Entra identity provider with the scheme "entra" is registered
      And a SCIM token for the provider "entra" was created
      When the admin lists the tenant's SCIM tokens
      Then the admin API answers 200
      And the list names the token linked to "entra"
      And the list shows no token value

    @id:SEED-ARITMA-04 @must
    Scenario: A token for a scheme no provider has is refused
      When the admin creates a SCIM token for the provider "unregistered"
      Then the admin API refuses with 400 "admin/unknown-provider"

  Rule: A revoked token stops working at once

    @id:SEED-ARITMA-05 @must
    Scenario: Revoking a token
      Given an Entra identity provider with the scheme "entra" is registered
      And a SCIM token for the provider "entra" was created
      When the admin revokes that token
      Then the admin API answers 204
      And the SCIM endpoint refuses that token with 401
