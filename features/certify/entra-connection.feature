@scim @entra
Feature: Entra Test Connection
  Before anything is provisioned, the Entra admin clicks "Test Connection": the provisioning service filters
  Users on a userName that cannot exist and expects an empty ListResponse.

  @id:ENTRA-CONN-01 @must @rfc7644-3.4.2.2
  Scenario: Test Connection gets 200 with an empty ListResponse, even when users exist
    Given Entra has provisioned a user
    When Entra tests the connection with a random GUID as userName
    Then the endpoint answers 200 with an empty ListResponse
