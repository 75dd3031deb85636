@entra @seed-ninjaone
Feature: Unassign or block sign-in, then hard delete
  Entra never deletes a user it only lost the assignment for, or whose sign-in is blocked: it disables the user
  through the mapping to `active`, and the server keeps returning the user. Only a hard delete in Entra sends DELETE.

  Background:
    Given Entra provisions to the NinjaOne tenant with NinjaOne's mapping table
    And the tenant URL carries the aadOptscim062020 flag
    And the directory also holds these users, assigned to the app directly:
      | userPrincipalName                 | givenName | surname | mail                              | mailNickname      | department |
      | katherine.johnson@contoso.example | Katherine | Johnson | katherine.johnson@contoso.example | katherine.johnson | Flight     |
    And Entra has provisioned the directory

  Rule: Unassigning a user disables it; the user is still there

    @rfc7644-3.5.2.3
    Scenario: An unassigned user is disabled with a GET then a PATCH of active to false
      When the admin unassigns "katherine.johnson@contoso.example" from the app
      And Entra runs an incremental cycle
      Then Entra sent exactly these requests for "katherine.johnson@contoso.example" in that cycle:
        | method | path        | status |
        | GET    | /Users/{id} | 200    |
        | PATCH  | /Users/{id} | 200    |
      And the PATCH for "katherine.johnson@contoso.example" in that cycle was:
        """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}
        """
      And the provisioning log shows "katherine.johnson@contoso.example" as disabled because "unassigned"

    @rfc7644-3.4.1
    Scenario: The disabled user is still returned by the server, inactive
      When the admin unassigns "katherine.johnson@contoso.example" from the app
      And Entra runs an incremental cycle
      Then the server stores "katherine.johnson@contoso.example" with active equal to false
      And the server stores "katherine.johnson@contoso.example" with userName equal to "katherine.johnson@contoso.example"

  Rule: Blocking sign-in is a soft delete: the user is disabled with an update

    # "How provisioning works", Incremental cycles step 8: a user disabled in the source is disabled in the target
    # via an update; section Deprovisioning: "AccountEnabled property set to false" triggers a disable.
    @rfc7644-3.5.2.3
    Scenario: A user whose sign-in is blocked is disabled with a GET then a PATCH of active to false
      When the admin blocks sign-in for "katherine.johnson@contoso.example"
      And Entra runs an incremental cycle
      Then Entra sent exactly these requests for "katherine.johnson@contoso.example" in that cycle:
        | method | path        | status |
        | GET    | /Users/{id} | 200    |
        | PATCH  | /Users/{id} | 200    |
      And the PATCH for "katherine.johnson@contoso.example" in that cycle was:
        """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}
        """
      And the provisioning log shows "katherine.johnson@contoso.example" as disabled because "sign-in blocked"
      And the server stores "katherine.johnson@contoso.example" with active equal to false

    Scenario: Allowing sign-in again enables the user
      When the admin blocks sign-in for "katherine.johnson@contoso.example"
      And Entra runs an incremental cycle
      And the admin allows sign-in for "katherine.johnson@contoso.example" again
      And Entra runs an incremental cycle
      Then the provisioning log shows "katherine.johnson@contoso.example" as updated because "back in scope"
      And the server stores "katherine.johnson@contoso.example" with active equal to true

  Rule: A hard delete in Entra deletes the user on the server

    @rfc7644-3.6
    Scenario: A hard-deleted user is deleted and the server no longer knows it
      Given the admin unassigned "katherine.johnson@contoso.example" and Entra disabled the user
      When the admin hard-deletes "katherine.johnson@contoso.example" in the directory
      And Entra runs an incremental cycle
      Then Entra sent exactly these requests for "katherine.johnson@contoso.example" in that cycle:
        | method | path        | status |
        | DELETE | /Users/{id} | 204    |
      And the provisioning log shows "katherine.johnson@contoso.example" as deleted because "hard-deleted"
      And the server answers 404 for "katherine.johnson@contoso.example"

    Scenario: A cycle after the hard delete sends nothing for the user
      Given the admin unassigned "katherine.johnson@contoso.example" and Entra disabled the user
      And the admin hard-deletes "katherine.johnson@contoso.example" in the directory
      And Entra runs an incremental cycle
      When Entra runs an incremental cycle
      Then Entra sent no request in that cycle
