@entra @seed-ninjaone
Feature: The provisioning log
  Like Entra's "Provisioning logs" blade, every request and response and each object's outcome is written
  to reports/ as JSON and as readable HTML.

  Background:
    Given Entra provisions to the NinjaOne tenant with NinjaOne's mapping table
    And the tenant URL carries the aadOptscim062020 flag
    And Entra has provisioned the directory
    And "grace.hopper@contoso.example" is soft-deleted in the directory
    And Entra runs an incremental cycle

  Rule: The log lists each request and each object's outcome

    Scenario: The JSON log lists every request the server received
      When the provisioning log is written to the reports directory
      Then the JSON log lists every request the server received
      And the JSON log shows these outcomes:
        | cycle | object                       | outcome  | reason       |
        | 1     | ada.lovelace@contoso.example | created  |              |
        | 1     | grace.hopper@contoso.example | created  |              |
        | 1     | alan.turing@contoso.example  | skipped  | unassigned   |
        | 1     | NinjaOne Technicians         | created  |              |
        | 2     | grace.hopper@contoso.example | disabled | soft-deleted |
        | 2     | NinjaOne Technicians         | updated  |              |

    Scenario: The HTML log shows every request and every object's outcome
      When the provisioning log is written to the reports directory
      Then the HTML log shows every request's method and URL
      And the HTML log shows each object with its outcome
