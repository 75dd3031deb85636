@entra @seed-ninjaone
Feature: Legacy and compliant PATCH, against lenient and strict servers
  Entra picks its PATCH behaviour from the tenant URL: `?aadOptscim062020` sends RFC 7644 §3.5.2 shapes
  (lowercase ops, real booleans, removal by `members[value eq "…"]`); without a flag it sends its legacy
  shapes (`"Replace"`, `"False"` as a string, member removal with a value array). A lenient server accepts
  the legacy shapes and records each tolerance; a strict server refuses them with a precise SCIM error, and
  Entra reports the object as failed with that reason.

  Background:
    Given Entra provisions to the NinjaOne tenant with NinjaOne's mapping table
    And the directory also holds these users, assigned to the app directly:
      | userPrincipalName                 | givenName | surname | mail                              | mailNickname      | department |
      | katherine.johnson@contoso.example | Katherine | Johnson | katherine.johnson@contoso.example | katherine.johnson | Flight     |

  Rule: A lenient server accepts the legacy shapes and records what it tolerated

    @rfc7644-3.5.2.3
    Scenario: The legacy disable ("Replace", "False") is accepted and recorded
      Given the NinjaOne tenant is lenient
      And the tenant URL carries no PATCH flag
      And Entra has provisioned the directory
      When the admin unassigns "katherine.johnson@contoso.example" from the app
      And Entra runs an incremental cycle
      Then the PATCH for "katherine.johnson@contoso.example" in that cycle was:
        """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}
        """
      And the server stores "katherine.johnson@contoso.example" with active equal to false
      And the server's tolerances include "lenient/op-case" and "lenient/string-boolean" for a User patch

    @rfc7644-3.5.2.2
    Scenario: The legacy member removal with a value array is accepted and recorded
      Given the NinjaOne tenant is lenient
      And the tenant URL carries no PATCH flag
      And Entra has provisioned the directory
      When the admin removes "grace.hopper@contoso.example" from "NinjaOne Technicians"
      And Entra runs an incremental cycle
      Then the PATCH for "NinjaOne Technicians" in that cycle was:
        """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Remove","path":"members","value":[{"value":"{id of grace.hopper@contoso.example}"}]}]}
        """
      And the server lists "ada.lovelace@contoso.example" as the members of "NinjaOne Technicians"
      And the server's tolerances include "lenient/remove-members-by-value" for a Group patch

    @rfc7644-3.5.2
    Scenario: The compliant shapes are accepted by a lenient server with nothing to tolerate
      Given the NinjaOne tenant is lenient
      And the tenant URL carries the aadOptscim062020 flag
      And Entra has provisioned the directory
      When the admin unassigns "katherine.johnson@contoso.example" from the app
      And Entra runs an incremental cycle
      Then the server stores "katherine.johnson@contoso.example" with active equal to false
      And the server recorded no tolerance

  Rule: A strict server refuses the legacy shapes with the precise error, and Entra fails only that object

    @rfc7644-3.12 @rfc7644-3.5.2
    Scenario: The legacy disable is refused with 400 invalidSyntax and the user stays active
      Given the NinjaOne tenant is strict
      And the tenant URL carries no PATCH flag
      And Entra has run the initial provisioning cycle
      When the admin unassigns "katherine.johnson@contoso.example" from the app
      And Entra runs an incremental cycle
      Then the server answered the PATCH for "katherine.johnson@contoso.example" with 400 and scimType invalidSyntax
      And the provisioning log shows "katherine.johnson@contoso.example" as failed with "http/status" and scimType invalidSyntax
      And the server stores "katherine.johnson@contoso.example" with active equal to true

    @rfc7644-3.12 @rfc7644-3.5.2.1
    Scenario: The legacy member add is refused with 400 invalidSyntax and only the group fails
      Given the NinjaOne tenant is strict
      And the tenant URL carries no PATCH flag
      When Entra runs the initial provisioning cycle
      Then the server answered the PATCH for "NinjaOne Technicians" with 400 and scimType invalidSyntax
      And the provisioning log shows "NinjaOne Technicians" as failed with "http/status" and scimType invalidSyntax
      And the provisioning log shows "ada.lovelace@contoso.example" as created

    @rfc7644-3.5.2
    Scenario: The compliant shapes are accepted by a strict server
      Given the NinjaOne tenant is strict
      And the tenant URL carries the aadOptscim062020 flag
      And Entra has provisioned the directory
      When the admin unassigns "katherine.johnson@contoso.example" from the app
      And the admin removes "grace.hopper@contoso.example" from "NinjaOne Technicians"
      And Entra runs an incremental cycle
      Then no object failed in that cycle
      And the server stores "katherine.johnson@contoso.example" with active equal to false
      And the server lists "ada.lovelace@contoso.example" as the members of "NinjaOne Technicians"
