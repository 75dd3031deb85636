@okta @seed-ninjaone
Feature: An Okta App Integration Wizard app sends every update as a PUT
  A custom app made with Okta's App Integration Wizard (profile okta-aiw-2024) sends every update through PUT: a
  deactivation is the whole user with active false, and a membership change is the whole group with every member
  listed — a full replacement the server must apply as one.
  Sources and what is documented or inferred: docs/provisioning.md, section "Okta".

  Background:
    Given Okta provisions to the NinjaOne tenant as an App Integration Wizard app
    And the directory also holds these users, assigned to the app directly:
      | userPrincipalName                 | givenName | surname | mail                              | displayName       | department |
      | katherine.johnson@contoso.example | Katherine | Johnson | katherine.johnson@contoso.example | Katherine Johnson | Flight     |

  @rfc7644-3.5.1
  Scenario Outline: A membership change PUTs the whole group with every member on a <mode> tenant
    Given the NinjaOne tenant is <mode>
    And Okta has pushed the assignments
    When the admin adds "katherine.johnson@contoso.example" to "NinjaOne Technicians"
    And the admin removes "grace.hopper@contoso.example" from "NinjaOne Technicians"
    And Okta pushes the changes
    Then Okta sent exactly these requests for "NinjaOne Technicians" in that push:
      | method | path         | status |
      | GET    | /Groups/{id} | 200    |
      | PUT    | /Groups/{id} | 200    |
    And the PUT for "NinjaOne Technicians" in that push listed the members "ada.lovelace@contoso.example" and "katherine.johnson@contoso.example" with their userNames
    And the server lists "ada.lovelace@contoso.example" and "katherine.johnson@contoso.example" as the members of "NinjaOne Technicians"

    Examples:
      | mode    |
      | strict  |
      | lenient |

  @rfc7644-3.5.1
  Scenario: An unassigned user is deactivated by a PUT of the whole user with active false
    Given Okta has pushed the assignments
    When the admin unassigns "katherine.johnson@contoso.example" from the app
    And Okta pushes the changes
    Then Okta sent exactly these requests for "katherine.johnson@contoso.example" in that push:
      | method | path        | status |
      | GET    | /Users/{id} | 200    |
      | PUT    | /Users/{id} | 200    |
    And the PUT for "katherine.johnson@contoso.example" in that cycle sent active equal to false
    And the PUT for "katherine.johnson@contoso.example" in that cycle sent urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User:organizationId equal to "all"
    And the server stores "katherine.johnson@contoso.example" with active equal to false
