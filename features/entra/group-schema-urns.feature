@entra @seed-ninjaone
Feature: Entra's group create lists Microsoft's ADSCIM schema URN
  Entra creates a group with two schema URNs, the core Group URN and Microsoft's own
  `http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group`, plus `"meta": {"resourceType": "Group"}`
  (Microsoft, "Tutorial: Develop and plan provisioning for a SCIM endpoint", section "Create Group"). A server that
  refuses schema URNs it does not know refuses that request from real Entra, and from the simulator in the same way:
  the group fails in the provisioning log with the server's status and scimType, is escrowed, and the users of the
  cycle are provisioned regardless. See docs/provisioning.md, "Fidelity to Microsoft's documented requests".

  Background:
    Given Entra provisions to the NinjaOne tenant with NinjaOne's mapping table
    And the tenant URL carries the aadOptscim062020 flag

  Rule: The group create carries both schema URNs and the meta envelope

    @rfc7643-3 @rfc7644-3.3
    Scenario: The POST for a new group lists the core and the ADSCIM Group URNs
      When Entra runs the initial provisioning cycle
      Then the POST for "NinjaOne Technicians" listed the schema "urn:ietf:params:scim:schemas:core:2.0:Group"
      And the POST for "NinjaOne Technicians" listed the schema "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"
      And the provisioning log shows "NinjaOne Technicians" as created

  Rule: A server refusing schema URNs it does not know fails Entra's group create

    @rfc7644-3.12
    Scenario: A strict server that knows only the core URNs refuses the group with 400 invalidSyntax
      Given the NinjaOne tenant refuses schema URNs it does not know
      When Entra runs the initial provisioning cycle
      Then Entra sent exactly these requests for "NinjaOne Technicians":
        | method | path                                                                          | status |
        | GET    | /Groups?excludedAttributes=members&filter=displayName eq "NinjaOne Technicians" | 200    |
        | POST   | /Groups                                                                       | 400    |
      And the provisioning log shows "NinjaOne Technicians" as failed with "http/status" and scimType invalidSyntax
      And exactly one object failed in that cycle, with "http/status"
      And the provisioning log shows "ada.lovelace@contoso.example" as created
