@entra @seed-ninjaone
Feature: Group membership changes
  Entra creates a group without members, then adds them with PATCH `{"$ref": null, "value": id}`; later
  membership changes, renames and deletions are one request each. The NinjaOne directory's group
  "NinjaOne Technicians" holds Ada and Grace.

  Background:
    Given Entra provisions to the NinjaOne tenant with NinjaOne's mapping table
    And the tenant URL carries the aadOptscim062020 flag

  Rule: A new group is created without members, then its members are added

    @rfc7644-3.3 @rfc7644-3.5.2.1
    Scenario: Creating a group is a displayName filter, a POST without members, then a PATCH adding them
      When Entra runs the initial provisioning cycle
      Then Entra sent exactly these requests for "NinjaOne Technicians":
        | method | path                                                                          | status |
        | GET    | /Groups?excludedAttributes=members&filter=displayName eq "NinjaOne Technicians" | 200    |
        | POST   | /Groups                                                                       | 201    |
        | PATCH  | /Groups/{id}                                                                  | 204    |
      And the POST for "NinjaOne Technicians" carried no attribute named "members"
      And the PATCH for "NinjaOne Technicians" added "ada.lovelace@contoso.example" and "grace.hopper@contoso.example" as {"$ref": null, "value": id}
      And the server lists "ada.lovelace@contoso.example" and "grace.hopper@contoso.example" as the members of "NinjaOne Technicians"

  Rule: Membership changes after the initial cycle are PATCHes of the group

    @rfc7644-3.5.2.1
    Scenario: A member added in the directory is added on the server
      Given the directory also holds these users, assigned to the app directly:
        | userPrincipalName                 | givenName | surname | mail                              | mailNickname      | department |
        | katherine.johnson@contoso.example | Katherine | Johnson | katherine.johnson@contoso.example | katherine.johnson | Flight     |
      And Entra has provisioned the directory
      When the admin adds "katherine.johnson@contoso.example" to "NinjaOne Technicians"
      And Entra runs an incremental cycle
      Then the server lists "ada.lovelace@contoso.example", "grace.hopper@contoso.example" and "katherine.johnson@contoso.example" as the members of "NinjaOne Technicians"

    @rfc7644-3.5.2.2
    Scenario: A member removed in the directory is removed by a filtered path
      Given Entra has provisioned the directory
      When the admin removes "grace.hopper@contoso.example" from "NinjaOne Technicians"
      And Entra runs an incremental cycle
      Then the PATCH for "NinjaOne Technicians" in that cycle removed "grace.hopper@contoso.example" with the path members[value eq "id"]
      And the server lists "ada.lovelace@contoso.example" as the members of "NinjaOne Technicians"

    @rfc7644-3.5.2.3
    Scenario: Renaming a group is a PATCH replacing displayName
      Given Entra has provisioned the directory
      When the admin renames the group "NinjaOne Technicians" to "NinjaOne Admins"
      And Entra runs an incremental cycle
      Then the PATCH for "NinjaOne Admins" in that cycle was:
        """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":"NinjaOne Admins"}]}
        """
      And the server stores the group "NinjaOne Admins" with displayName equal to "NinjaOne Admins"

    @rfc7644-3.6
    Scenario: A group deleted in the directory is deleted on the server
      Given Entra has provisioned the directory
      When the admin hard-deletes "NinjaOne Technicians" in the directory
      And Entra runs an incremental cycle
      Then Entra sent exactly these requests for "NinjaOne Technicians" in that cycle:
        | method | path         | status |
        | DELETE | /Groups/{id} | 204    |
      And the server answers 404 for the group "NinjaOne Technicians"
      And the server stores "ada.lovelace@contoso.example" with active equal to true
