@scim @onelogin
Feature: OneLogin assigns users to the app's groups
  OneLogin never creates groups: Refresh Entitlements reads the app's groups page by page, without a filter, and
  rules add and remove members with PATCH.

  @id:ONELOGIN-GROUPS-01 @must @rfc7644-3.4.2 @rfc7644-3.4.2.4
  Scenario: Refresh Entitlements lists the app's group without a filter
    Given the app has a group of its own
    When OneLogin refreshes its entitlements
    Then the app's group is among the groups listed

  @id:ONELOGIN-GROUPS-02 @must @rfc7644-3.5.2.1
  Scenario: A rule adds a user to the app's group
    Given OneLogin has created a user from its template
    And the app has a group of its own
    When OneLogin adds the user to the app's group
    Then the endpoint accepts the PATCH
    And the group reads back with the user as its only member

  @id:ONELOGIN-GROUPS-03 @must @rfc7644-3.5.2.2
  Scenario: A rule removes the user from the app's group
    Given OneLogin has created a user from its template
    And the app has a group of its own
    And OneLogin has added the user to the app's group
    When OneLogin removes the user from the app's group
    Then the endpoint accepts the PATCH
    And the group reads back without members
