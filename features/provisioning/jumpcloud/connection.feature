@jumpcloud
Feature: JumpCloud tests the connection with a test user and a test group
  JumpCloud's test creates a test user and a test group in the app, then deletes both.

  Background:
    Given JumpCloud provisions to the NinjaOne tenant without its custom extension with the fixture's mappings

  @rfc7644-3.3 @rfc7644-3.6
  Scenario: The test creates and deletes a user and a group
    When the admin clicks Test Connection
    Then Test Connection succeeds
    And JumpCloud sent exactly these requests outside any object:
      | method | path                | status |
      | POST   | /Users              | 201    |
      | POST   | /Groups             | 201    |
      | DELETE | /Groups/{test id}   | 204    |
      | DELETE | /Users/{test id}    | 204    |
    And the server holds no user and no group

  @rfc7644-2
  Scenario: A wrong token fails the test with the endpoint's 401
    Given the admin pasted a wrong secret token
    When the admin clicks Test Connection
    Then Test Connection fails with "connection/failed" and status 401
