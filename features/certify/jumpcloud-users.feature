@scim @jumpcloud
Feature: JumpCloud user provisioning
  The requests JumpCloud's Custom SCIM integration sends: a test user and group created and deleted by Test
  Connection, core-schema users created active, PATCH changes with a path, deactivation instead of deletion.

  @id:JUMPCLOUD-CONN-01 @must @rfc7644-3.3 @rfc7644-3.6
  Scenario: Test Connection creates a test user and a test group, then deletes both
    When JumpCloud tests the connection
    Then every request of the test succeeded
    And reading the user answers 404 with a SCIM error
    And reading the group answers 404 with a SCIM error

  @id:JUMPCLOUD-USERS-01 @must @rfc7644-3.3
  Scenario: Create a core-schema user, then find it by userName
    When JumpCloud creates a user
    Then the endpoint answers 201 with the created user
    And JumpCloud's lookup finds exactly that user

  @id:JUMPCLOUD-USERS-02 @must @rfc7644-3.5.2.3
  Scenario: A changed family name is a PATCH replace with its path
    Given JumpCloud has created a user
    When JumpCloud changes the user's family name
    Then the endpoint accepts the PATCH
    And the user reads back with the new family name

  @id:JUMPCLOUD-USERS-03 @must @rfc7644-3.5.2.3
  Scenario: Deactivate with a PATCH of active to false
    Given JumpCloud has created a user
    When JumpCloud deactivates the user
    Then the endpoint accepts the PATCH
    And the user reads back with active false
