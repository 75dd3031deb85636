@scim @bundled-only @seed-ninjaone
Feature: NinjaOne: /ws/scim/v2 and the ninjaone user extension (seed 002)
  NinjaOne's Tenant URL is https://{tenant-hostname}/ws/scim/v2 — the tenant comes from the secret token — and
  Entra must send urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User:organizationId (required; "all" makes
  a global end user).

  Background:
    Given the client uses NinjaOne's SCIM URL with its secret token

  Rule: The tenant is the token's at /ws/scim/v2

    @id:SEED-NINJAONE-01 @must @rfc7644-4
    Scenario: Test Connection reads the service provider configuration
      When the client reads "/ServiceProviderConfig"
      Then the response status is 200

    @id:SEED-NINJAONE-02 @must @rfc7644-2
    Scenario: A token of a tenant without the NinjaOne layout is refused
      When the client uses NinjaOne's SCIM URL with another tenant's token
      Then the response is a SCIM error with status 401

  Rule: The ninjaone extension is declared, and organizationId is required

    @id:SEED-NINJAONE-03 @must @rfc7643-6
    Scenario: The User resource type declares the ninjaone extension as required
      When the client reads "/ResourceTypes"
      Then the resource type "User" declares the extension "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User" as required

    @id:SEED-NINJAONE-04 @must @rfc7643-3.3
    Scenario: A user of an organization is provisioned
      When the client creates the user "alice" in the NinjaOne organization "42"
      Then the response status is 201
      And the response has "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User.organizationId" equal to "42"

    @id:SEED-NINJAONE-05 @must @rfc7643-3.3
    Scenario: The organization "all" makes a global end user
      When the client creates the user "alice" in the NinjaOne organization "all"
      Then the response status is 201
      And the user "alice" has "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User.organizationId" equal to "all"

    @id:SEED-NINJAONE-06 @must @rfc7643-3.3 @rfc7644-3.12
    Scenario: A user without an organizationId is refused
      When the client creates the user "alice" without a NinjaOne organization
      Then the response is a SCIM error with status 400
