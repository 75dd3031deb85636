@entra @seed-ninjaone
Feature: Scoping filters
  Only users matching the scoping filters are provisioned (clauses ANDed within a filter, filters ORed); a
  user that leaves the scope is disabled, not deleted.

  Background:
    Given Entra provisions to the NinjaOne tenant with NinjaOne's mapping table
    And the tenant URL carries the aadOptscim062020 flag
    And the directory also holds these users, assigned to the app directly:
      | userPrincipalName               | givenName | surname | mail                            | mailNickname    | department |
      | sam.seller@contoso.example      | Sam       | Seller  | sam.seller@contoso.example      | sam.seller      | Sales      |
      | sue.supporter@contoso.example   | Sue       | Porter  | sue.supporter@contoso.example   | sue.supporter   | Support    |
    And a scoping filter on users: department EQUALS "Sales"

  Rule: Only users in scope are provisioned

    Scenario: A user matching the filter is created
      When Entra runs the initial provisioning cycle
      Then the provisioning log shows "sam.seller@contoso.example" as created
      And the server stores "sam.seller@contoso.example" with active equal to true

    Scenario: A user outside the filter is skipped without a request
      When Entra runs the initial provisioning cycle
      Then the provisioning log shows "sue.supporter@contoso.example" as skipped because "out of scope (scoping filter)"
      And Entra sent no request for "sue.supporter@contoso.example"
      And the server has no user "sue.supporter@contoso.example"

  Rule: A user leaving the scope is disabled

    @rfc7644-3.5.2.3
    Scenario: A user moved out of Sales is disabled and still returned
      Given Entra has run the initial provisioning cycle
      When "sam.seller@contoso.example" moves to the department "Marketing"
      And Entra runs an incremental cycle
      Then the provisioning log shows "sam.seller@contoso.example" as disabled because "out of scope (scoping filter)"
      And the server stores "sam.seller@contoso.example" with active equal to false

    Scenario: A user moved into Sales is created in the next cycle
      Given Entra has run the initial provisioning cycle
      When "sue.supporter@contoso.example" moves to the department "Sales"
      And Entra runs an incremental cycle
      Then the provisioning log shows "sue.supporter@contoso.example" as created
