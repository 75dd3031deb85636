@okta @seed-ninjaone
Feature: Okta Group Push: members in the POST, a rename before every membership PATCH
  Okta (an OIN app integration, profile okta-2024) pushes a group with its members and their userNames. Every later
  membership change is preceded by a path-less replace of the group's id and displayName ("triggered each time
  there is a group membership update"), then one PATCH removes members by filtered path and adds the new ones.
  Sources and what is documented or inferred: docs/provisioning.md, section "Okta".

  Background:
    Given Okta provisions to the NinjaOne tenant as an OIN app integration
    And the directory also holds these users, assigned to the app directly:
      | userPrincipalName                 | givenName | surname | mail                              | displayName       | department |
      | katherine.johnson@contoso.example | Katherine | Johnson | katherine.johnson@contoso.example | Katherine Johnson | Flight     |

  @rfc7644-3.3
  Scenario Outline: A pushed group is created with its members on a <mode> tenant
    Given the NinjaOne tenant is <mode>
    When Okta pushes the assignments
    Then Okta sent exactly these requests for "NinjaOne Technicians" in that push:
      | method | path                                                                | status |
      | GET    | /Groups?filter=displayName eq "NinjaOne Technicians"&startIndex=1&count=100 | 200    |
      | POST   | /Groups                                                             | 201    |
    And the POST for "NinjaOne Technicians" in that push listed the members "ada.lovelace@contoso.example" and "grace.hopper@contoso.example" with their userNames
    And the server lists "ada.lovelace@contoso.example" and "grace.hopper@contoso.example" as the members of "NinjaOne Technicians"

    Examples:
      | mode    |
      | strict  |
      | lenient |

  @rfc7644-3.5.2.1
  Scenario: A new member is added after a rename to the same name
    Given Okta has pushed the assignments
    When the admin adds "katherine.johnson@contoso.example" to "NinjaOne Technicians"
    And Okta pushes the changes
    Then Okta sent exactly these requests for "NinjaOne Technicians" in that push:
      | method | path         | status |
      | GET    | /Groups/{id} | 200    |
      | PATCH  | /Groups/{id} | 204    |
      | PATCH  | /Groups/{id} | 204    |
    And Okta sent these PATCH bodies for "NinjaOne Technicians" in that push, in order:
      """
      [
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"id":"{id of NinjaOne Technicians}","displayName":"NinjaOne Technicians"}}]},
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{id of katherine.johnson@contoso.example}","display":"katherine.johnson@contoso.example"}]}]}
      ]
      """
    And the server lists "ada.lovelace@contoso.example", "grace.hopper@contoso.example" and "katherine.johnson@contoso.example" as the members of "NinjaOne Technicians"

  @rfc7644-3.5.2.2
  Scenario: A member who leaves the group is removed by a filtered path
    Given Okta has pushed the assignments
    When the admin removes "grace.hopper@contoso.example" from "NinjaOne Technicians"
    And Okta pushes the changes
    Then Okta sent these PATCH bodies for "NinjaOne Technicians" in that push, in order:
      """
      [
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"id":"{id of NinjaOne Technicians}","displayName":"NinjaOne Technicians"}}]},
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members[value eq \"{id of grace.hopper@contoso.example}\"]"}]}
      ]
      """
    And the server lists "ada.lovelace@contoso.example" as the members of "NinjaOne Technicians"

  @rfc7644-3.5.2.3
  Scenario: A renamed group is renamed with a path-less replace of id and displayName
    Given Okta has pushed the assignments
    When the admin renames the group "NinjaOne Technicians" to "NinjaOne Admins"
    And Okta pushes the changes
    Then Okta sent these PATCH bodies for "NinjaOne Admins" in that push, in order:
      """
      [{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"id":"{id of NinjaOne Admins}","displayName":"NinjaOne Admins"}}]}]
      """
    And the server stores the group "NinjaOne Admins" with displayName equal to "NinjaOne Admins"
    And the server lists "ada.lovelace@contoso.example" and "grace.hopper@contoso.example" as the members of "NinjaOne Admins"
