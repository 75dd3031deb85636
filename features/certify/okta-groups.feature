@scim @okta
Feature: Okta group push
  Okta pushes a group with its members, then sends membership changes and renames as PATCH.

  @id:OKTA-GROUPS-01 @must @rfc7644-3.3
  Scenario: Push a group with a member
    Given Okta has provisioned a user
    When Okta pushes a new group with that user as a member
    Then the endpoint answers 201 with the created group
    And the group reads back with the user as its only member

  @id:OKTA-GROUPS-02 @must @rfc7644-3.5.2
  Scenario: Membership change: remove one member and add another in one PATCH
    Given Okta has provisioned a user
    And Okta has pushed a group with that user as a member
    And Okta has provisioned another user
    When Okta replaces the group's member with the other user
    Then the endpoint accepts the PATCH
    And the group reads back with the other user as its only member

  @id:OKTA-GROUPS-03 @must @rfc7644-3.5.2.3
  Scenario: Rename with a path-less replace
    Given Okta has provisioned a user
    And Okta has pushed a group with that user as a member
    When Okta renames the group
    Then the endpoint accepts the PATCH
    And the group reads back with the new displayName
    And the group reads back with the user as its only member
