@onelogin @seed-ninjaone
Feature: OneLogin assigns users to the app's own groups
  OneLogin never creates groups in the app: "Refresh Entitlements" reads the groups the app already has, and rules
  assign users to them. Membership changes are PATCHes of members; a group the app lacks cannot be assigned.

  Background:
    Given OneLogin provisions to the NinjaOne tenant with the fixture's mappings

  @rfc7644-3.4.2 @rfc7644-3.5.2.1
  Scenario: Refresh Entitlements finds the app's group, then a PATCH adds its members
    Given the app already has the group "NinjaOne Technicians"
    When OneLogin runs the initial provisioning cycle
    Then OneLogin sent exactly these requests for "NinjaOne Technicians" in that cycle:
      | method | path                           | status |
      | GET    | /Groups?startIndex=1&count=100 | 200    |
      | PATCH  | /Groups/{id}                   | 204    |
    And the server lists "ada.lovelace@contoso.example" and "grace.hopper@contoso.example" as the members of "NinjaOne Technicians"

  @rfc7644-3.5.2.2
  Scenario: A member removed in OneLogin leaves the group by a filtered remove
    Given the app already has the group "NinjaOne Technicians"
    And OneLogin has provisioned the directory
    When the admin removes "grace.hopper@contoso.example" from "NinjaOne Technicians"
    And OneLogin runs an incremental cycle
    Then the PATCH for "NinjaOne Technicians" in that cycle was:
      """
      {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members[value eq \"{id of grace.hopper@contoso.example}\"]"}]}
      """
    And the server lists "ada.lovelace@contoso.example" as the members of "NinjaOne Technicians"

  Scenario: A group the app does not have is never created
    When OneLogin runs the initial provisioning cycle
    Then OneLogin sent exactly these requests for "NinjaOne Technicians" in that cycle:
      | method | path                           | status |
      | GET    | /Groups?startIndex=1&count=100 | 200    |
    And the provisioning log shows "NinjaOne Technicians" as failed with "group/not-in-target"
