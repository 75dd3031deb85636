@jumpcloud
Feature: JumpCloud provisions users with the core schema only
  JumpCloud (profile jumpcloud-2024) sends the core User schema only — no extension schemas, no custom attributes.
  It looks a user up by userName, POSTs it active, PATCHes each change, and deactivates a user it deprovisions or
  deletes. Sources and what is documented or inferred: docs/provisioning-clients.md.

  Rule: JumpCloud's users are core-schema users

    Scenario Outline: The user is created on a <mode> tenant
      Given JumpCloud provisions to the NinjaOne tenant without its custom extension with the fixture's mappings
      And the NinjaOne tenant is <mode>
      When JumpCloud runs the initial provisioning cycle
      Then JumpCloud sent exactly these requests for "ada.lovelace@contoso.example" in that cycle:
        | method | path                                                     | status |
        | GET    | /Users?filter=userName eq "ada.lovelace@contoso.example" | 200    |
        | POST   | /Users                                                   | 201    |
      And the POST for "ada.lovelace@contoso.example" in that cycle sent schemas equal to ["urn:ietf:params:scim:schemas:core:2.0:User"]
      And the server stores "ada.lovelace@contoso.example" with displayName equal to "Ada Lovelace"
      And the server stores "ada.lovelace@contoso.example" with active equal to true

      Examples:
        | mode    |
        | strict  |
        | lenient |

    @rfc7644-3.5.2.3
    Scenario: A changed surname is one PATCH replace with its path
      Given JumpCloud provisions to the NinjaOne tenant without its custom extension with the fixture's mappings
      And JumpCloud has provisioned the directory
      When "grace.hopper@contoso.example" changes the surname to "Murray"
      And JumpCloud runs an incremental cycle
      Then the PATCH for "grace.hopper@contoso.example" in that cycle was:
        """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"name.familyName","value":"Murray"}]}
        """
      And the server stores "grace.hopper@contoso.example" with name.familyName equal to "Murray"

    @rfc7644-3.5.2.3
    Scenario: A user deleted in JumpCloud is deactivated, not deleted
      Given JumpCloud provisions to the NinjaOne tenant without its custom extension with the fixture's mappings
      And JumpCloud has provisioned the directory
      When the admin hard-deletes "ada.lovelace@contoso.example" in the directory
      And JumpCloud runs an incremental cycle
      Then JumpCloud sent exactly these requests for "ada.lovelace@contoso.example" in that cycle:
        | method | path        | status |
        | PATCH  | /Users/{id} | 200    |
      And the server stores "ada.lovelace@contoso.example" with active equal to false
      And the provisioning log shows "ada.lovelace@contoso.example" as disabled because "hard-deleted"


  Rule: A tenant that requires a custom attribute refuses JumpCloud's users

    @rfc7643-3.3 @rfc7644-3.12
    Scenario: NinjaOne's required organizationId cannot come from JumpCloud
      Given JumpCloud provisions to the NinjaOne tenant with the fixture's mappings
      When JumpCloud runs the initial provisioning cycle
      Then the provisioning log shows "ada.lovelace@contoso.example" as failed with "http/status" and scimType invalidValue
