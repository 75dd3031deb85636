@onelogin @seed-ninjaone
Feature: OneLogin provisions users with its SCIM JSON template
  OneLogin (profile onelogin-2024) renders the app's SCIM JSON template for each user: it looks the userName up,
  POSTs the whole template, and sends every later change as a PUT of the whole template, never a PATCH of one
  attribute. A user who loses access is suspended; a user deleted in OneLogin is deleted in the app.
  Sources and what is documented or inferred: docs/provisioning-clients.md.

  Background:
    Given OneLogin provisions to the NinjaOne tenant with the fixture's mappings
    And the app already has the group "NinjaOne Technicians"

  Rule: A new user is looked up by userName, then created from the template

    Scenario Outline: The template creates the user on a <mode> tenant
      Given the NinjaOne tenant is <mode>
      When OneLogin runs the initial provisioning cycle
      Then OneLogin sent exactly these requests for "ada.lovelace@contoso.example" in that cycle:
        | method | path                                                     | status |
        | GET    | /Users?filter=userName eq "ada.lovelace@contoso.example" | 200    |
        | POST   | /Users                                                   | 201    |
      And the POST for "ada.lovelace@contoso.example" in that cycle sent name.formatted equal to "Ada Lovelace"
      And the server stores "ada.lovelace@contoso.example" with name.formatted equal to "Ada Lovelace"
      And the server stores "ada.lovelace@contoso.example" with title equal to "Technician"
      And the server stores "ada.lovelace@contoso.example" with urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department equal to "IT"
      And the provisioning log shows "ada.lovelace@contoso.example" as created

      Examples:
        | mode    |
        | strict  |
        | lenient |

  Rule: A change is a PUT of the whole template

    @rfc7644-3.5.1
    Scenario: A new department is sent as a PUT with every templated attribute
      Given OneLogin has provisioned the directory
      When "grace.hopper@contoso.example" moves to the department "Flight"
      And OneLogin runs an incremental cycle
      Then OneLogin sent exactly these requests for "grace.hopper@contoso.example" in that cycle:
        | method | path        | status |
        | GET    | /Users/{id} | 200    |
        | PUT    | /Users/{id} | 200    |
      And the PUT for "grace.hopper@contoso.example" in that cycle sent name.givenName equal to "Grace"
      And the PUT for "grace.hopper@contoso.example" in that cycle sent urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department equal to "Flight"
      And the server stores "grace.hopper@contoso.example" with urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department equal to "Flight"
      And the server stores "grace.hopper@contoso.example" with name.formatted equal to "Grace Hopper"

  Rule: Losing access suspends the user; a delete in OneLogin deletes it

    @rfc7644-3.5.2.3
    Scenario: A user who loses access is suspended with a PATCH of active
      Given OneLogin has provisioned the directory
      When the admin unassigns "grace.hopper@contoso.example" from the app
      And the admin removes "grace.hopper@contoso.example" from "NinjaOne Technicians"
      And OneLogin runs an incremental cycle
      Then the PATCH for "grace.hopper@contoso.example" in that cycle was:
        """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}
        """
      And the server stores "grace.hopper@contoso.example" with active equal to false
      And the provisioning log shows "grace.hopper@contoso.example" as disabled because "unassigned"

    @rfc7644-3.6
    Scenario: A user deleted in OneLogin is deleted in the app
      Given OneLogin has provisioned the directory
      When the admin hard-deletes "ada.lovelace@contoso.example" in the directory
      And OneLogin runs an incremental cycle
      Then OneLogin sent exactly these requests for "ada.lovelace@contoso.example" in that cycle:
        | method | path        | status |
        | DELETE | /Users/{id} | 204    |
      And the server answers 404 for "ada.lovelace@contoso.example"
      And the provisioning log shows "ada.lovelace@contoso.example" as deleted
