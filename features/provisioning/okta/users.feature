@okta @seed-ninjaone
Feature: Okta provisions users: lookup, create, PUT updates, deactivation without DELETE
  Okta (an OIN app integration, profile okta-2024) looks a user up by userName with explicit paging before it
  creates it, sends every profile change as a PUT of the whole user as the server returned it, and deactivates with a
  path-less PATCH of active. It never deletes a user. Custom attributes travel under their schema URN: the
  enterprise extension's department and NinjaOne's own extension's organizationId.
  Sources and what is documented or inferred: docs/provisioning.md, section "Okta".

  Background:
    Given Okta provisions to the NinjaOne tenant as an OIN app integration
    And the directory also holds these users, assigned to the app directly:
      | userPrincipalName                 | givenName | surname | mail                              | displayName       | department |
      | katherine.johnson@contoso.example | Katherine | Johnson | katherine.johnson@contoso.example | Katherine Johnson | Flight     |

  Rule: A new user is looked up by userName, then created

    @rfc7644-3.4.2.2 @rfc7644-3.3
    Scenario Outline: Assigning a user looks it up with count 100, then creates it, on a <mode> tenant
      Given the NinjaOne tenant is <mode>
      When Okta pushes the assignments
      Then Okta sent exactly these requests for "ada.lovelace@contoso.example" in that push:
        | method | path                                                                             | status |
        | GET    | /Users?filter=userName eq "ada.lovelace@contoso.example"&startIndex=1&count=100 | 200    |
        | POST   | /Users                                                                           | 201    |
      And the POST for "ada.lovelace@contoso.example" in that cycle sent active equal to true
      And the POST for "ada.lovelace@contoso.example" in that cycle sent groups equal to []
      And the server stores "ada.lovelace@contoso.example" with urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department equal to "IT"
      And the server stores "ada.lovelace@contoso.example" with urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User:organizationId equal to "all"
      And the provisioning log shows "ada.lovelace@contoso.example" as created

      Examples:
        | mode    |
        | strict  |
        | lenient |

  Rule: A profile change is a PUT of the whole user, custom attributes included

    @rfc7644-3.5.1
    Scenario: A new department is read, then PUT with every attribute the server returned
      Given Okta has pushed the assignments
      When "grace.hopper@contoso.example" moves to the department "Flight"
      And Okta pushes the changes
      Then Okta sent exactly these requests for "grace.hopper@contoso.example" in that push:
        | method | path        | status |
        | GET    | /Users/{id} | 200    |
        | PUT    | /Users/{id} | 200    |
      And the PUT for "grace.hopper@contoso.example" in that cycle sent urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department equal to "Flight"
      And the PUT for "grace.hopper@contoso.example" in that cycle sent urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User:organizationId equal to "42"
      And the PUT for "grace.hopper@contoso.example" in that cycle sent name.givenName equal to "Grace"
      And the server stores "grace.hopper@contoso.example" with urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department equal to "Flight"
      And the server stores "grace.hopper@contoso.example" with urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User:organizationId equal to "42"

  Rule: Unassigning or deleting a user deactivates it with a path-less replace; Okta never sends DELETE

    @rfc7644-3.5.2.3
    Scenario: An unassigned user is deactivated with a path-less replace of active
      Given Okta has pushed the assignments
      When the admin unassigns "katherine.johnson@contoso.example" from the app
      And Okta pushes the changes
      Then Okta sent exactly these requests for "katherine.johnson@contoso.example" in that push:
        | method | path        | status |
        | GET    | /Users/{id} | 200    |
        | PATCH  | /Users/{id} | 200    |
      And Okta sent these PATCH bodies for "katherine.johnson@contoso.example" in that push, in order:
        """
        [{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}]
        """
      And the server stores "katherine.johnson@contoso.example" with active equal to false
      And the provisioning log shows "katherine.johnson@contoso.example" as disabled because "unassigned"

    @rfc7644-3.5.2.3
    Scenario: A user deleted in Okta is deactivated, not deleted, and the server keeps it
      Given Okta has pushed the assignments
      When the admin hard-deletes "grace.hopper@contoso.example" in the directory
      And Okta pushes the changes
      Then Okta sent no DELETE for any user
      And the provisioning log shows "grace.hopper@contoso.example" as disabled because "hard-deleted"
      And the server stores "grace.hopper@contoso.example" with active equal to false
