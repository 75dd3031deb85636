@jumpcloud
Feature: JumpCloud pushes the user groups associated with the app
  JumpCloud creates an associated group with its members, renames it, and changes members with PATCHes that carry a
  value list and no filter.

  Background:
    Given JumpCloud provisions to the NinjaOne tenant without its custom extension with the fixture's mappings

  @rfc7644-3.3
  Scenario: The group is looked up by name, then created with its members
    When JumpCloud runs the initial provisioning cycle
    Then JumpCloud sent exactly these requests for "NinjaOne Technicians" in that cycle:
      | method | path                                                | status |
      | GET    | /Groups?filter=displayName eq "NinjaOne Technicians" | 200    |
      | POST   | /Groups                                             | 201    |
    And the server lists "ada.lovelace@contoso.example" and "grace.hopper@contoso.example" as the members of "NinjaOne Technicians"

  @rfc7644-3.5.2.2
  Scenario: A removed member is sent as a value list without a filter, which a strict tenant refuses
    Given JumpCloud has provisioned the directory
    When the admin removes "grace.hopper@contoso.example" from "NinjaOne Technicians"
    And JumpCloud runs an incremental cycle
    Then the PATCH for "NinjaOne Technicians" in that cycle was:
      """
      {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members","value":[{"value":"{id of grace.hopper@contoso.example}"}]}]}
      """
    And the provisioning log shows "NinjaOne Technicians" as failed with "http/status" and scimType invalidSyntax
    And the server lists "ada.lovelace@contoso.example" and "grace.hopper@contoso.example" as the members of "NinjaOne Technicians"

  @rfc7644-3.5.2.2
  Scenario: A lenient tenant removes only the listed member, and records the tolerance
    Given the NinjaOne tenant is lenient
    And JumpCloud has provisioned the directory
    When the admin removes "grace.hopper@contoso.example" from "NinjaOne Technicians"
    And JumpCloud runs an incremental cycle
    Then the server lists "ada.lovelace@contoso.example" as the members of "NinjaOne Technicians"
    And the server's tolerances include "lenient/remove-members-by-value" for a Group patch

  @rfc7644-3.5.2.3
  Scenario: A renamed group is a PATCH replace of displayName
    Given JumpCloud has provisioned the directory
    When the admin renames the group "NinjaOne Technicians" to "NinjaOne Engineers"
    And JumpCloud runs an incremental cycle
    Then the server stores the group "NinjaOne Engineers" with displayName equal to "NinjaOne Engineers"
