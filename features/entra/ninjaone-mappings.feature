@entra @seed-ninjaone
Feature: NinjaOne's attribute mapping table, end to end
  NinjaOne's SCIM guide (seed 002, steps 8–16) keeps six customappsso mappings, adds the required
  organizationId and the optional userType extension attributes, and points Entra at /ws/scim/v2.
  Entra provisions with that table, as written, into the reference server's NinjaOne tenant; what the
  server stored is read back over HTTP.

  Background:
    Given Entra provisions to the NinjaOne tenant with NinjaOne's mapping table
    And the tenant URL carries the aadOptscim062020 flag

  Rule: Test Connection filters the matching attribute on a random GUID and expects nothing back

    @rfc7644-3.4.2.2
    Scenario: Test Connection against the NinjaOne tenant succeeds with an empty list
      When the admin clicks Test Connection
      Then Test Connection succeeds
      And Entra sent exactly these requests outside any object:
        | method | path                                     | status |
        | GET    | /Users?filter=userName eq "{random GUID}" | 200    |

  Rule: A new user is looked up by its matching attribute, then created

    @rfc7644-3.4.2.2 @rfc7644-3.3
    Scenario: Creating a user is a userName filter that finds nothing, then a POST
      When Entra runs the initial provisioning cycle
      Then Entra sent exactly these requests for "ada.lovelace@contoso.example":
        | method | path                                                   | status |
        | GET    | /Users?filter=userName eq "ada.lovelace@contoso.example" | 200    |
        | POST   | /Users                                                 | 201    |
      And the provisioning log shows "ada.lovelace@contoso.example" as created

  Rule: Each row of the mapping table lands on its SCIM attribute

    @rfc7643-4.1 @rfc7643-3.3
    Scenario Outline: <source> is stored as <target>
      When Entra runs the initial provisioning cycle
      Then the server stores "<user>" with <target> equal to <value>

      Examples:
        | source                                                      | user                         | target                                                                    | value                          |
        | userPrincipalName                                           | ada.lovelace@contoso.example | userName                                                                  | "ada.lovelace@contoso.example" |
        | Switch([IsSoftDeleted], , "False", "True", "True", "False") | ada.lovelace@contoso.example | active                                                                    | true                           |
        | mail                                                        | ada.lovelace@contoso.example | emails[type eq "work"].value                                              | "ada.lovelace@contoso.example" |
        | givenName                                                   | ada.lovelace@contoso.example | name.givenName                                                            | "Ada"                          |
        | surname                                                     | ada.lovelace@contoso.example | name.familyName                                                           | "Lovelace"                     |
        | mailNickname                                                | ada.lovelace@contoso.example | externalId                                                                | "ada.lovelace"                 |
        | organizationId "all" (global end user)                      | ada.lovelace@contoso.example | urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User:organizationId | "all"                          |
        | organizationId of an organization                           | grace.hopper@contoso.example | urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User:organizationId | "42"                           |
        | userType of a technician                                    | ada.lovelace@contoso.example | urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User:userType       | "TECHNICIAN"                   |
        | userType of an end user                                     | grace.hopper@contoso.example | urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User:userType       | "END_USER"                     |

    @rfc7643-3.3
    Scenario: The NinjaOne extension travels under its URN key and is listed in schemas
      When Entra runs the initial provisioning cycle
      Then the POST for "ada.lovelace@contoso.example" listed the schema "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User"
      And the POST for "ada.lovelace@contoso.example" carried no attribute named "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User:organizationId"

    Scenario: A soft-deleted user is stored inactive through the Switch on IsSoftDeleted
      Given Entra has provisioned the directory
      When "ada.lovelace@contoso.example" is soft-deleted in the directory
      And Entra runs an incremental cycle
      Then the server stores "ada.lovelace@contoso.example" with active equal to false

    Scenario: A user who is not assigned to the app is not provisioned
      When Entra runs the initial provisioning cycle
      Then the provisioning log shows "alan.turing@contoso.example" as skipped because "unassigned"
      And Entra sent no request for "alan.turing@contoso.example"

  Rule: organizationId is required: a configuration without it never reaches the server

    Scenario: Deleting the organizationId mapping is refused before any request
      Given the admin deleted the mapping to "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User:organizationId"
      When Entra validates the provisioning configuration
      Then the configuration is refused with "mapping/invalid" naming "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User:organizationId"
      And the server received no request
