@entra @seed-ninjaone
Feature: Entra's dated behaviour profiles: what it sent before and what it sends now
  Without a flag on the tenant URL, entra-2024 sends the legacy PATCH shapes (Microsoft's documented default) and
  entra-2025 the SCIM-compliant ones of aadOptscim062020 (its default is our inference from Microsoft's advice for new
  implementations). A vendor certifies against both. Sources: docs/provisioning.md, "Dated behaviour profiles".

  Background:
    Given Entra provisions to the NinjaOne tenant with NinjaOne's mapping table
    And the NinjaOne tenant is lenient
    And the tenant URL carries no PATCH flag
    And the directory also holds these users, assigned to the app directly:
      | userPrincipalName                 | givenName | surname | mail                              | mailNickname      | department |
      | katherine.johnson@contoso.example | Katherine | Johnson | katherine.johnson@contoso.example | katherine.johnson | Flight     |

  @rfc7644-3.5.2.3
  Scenario Outline: Without a flag, <profile> disables an unassigned user with <shape>
    Given Entra behaves as its "<profile>" profile
    And Entra has provisioned the directory
    When the admin unassigns "katherine.johnson@contoso.example" from the app
    And Entra runs an incremental cycle
    Then the PATCH for "katherine.johnson@contoso.example" in that cycle was:
      """
      {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[<operation>]}
      """
    And the server stores "katherine.johnson@contoso.example" with active equal to false

    Examples:
      | profile    | shape                | operation                                        |
      | entra-2024 | the legacy shape     | {"op":"Replace","path":"active","value":"False"} |
      | entra-2025 | the compliant shape  | {"op":"replace","path":"active","value":false}   |
