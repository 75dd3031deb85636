@scim @entra
Feature: Entra group lifecycle, compliant PATCH behaviour
  Entra looks a group up without its members, creates it without members, then sends membership and renames
  as PATCH operations.

  @id:ENTRA-GROUPS-01 @must @rfc7644-3.4.2.5
  Scenario: Group lookup excluding members finds nothing for a new displayName
    When Entra looks up a new group by displayName excluding members
    Then the endpoint answers 200 with an empty ListResponse

  @id:ENTRA-GROUPS-02 @must @rfc7644-3.3
  Scenario: Create a group without members
    When Entra provisions a new group
    Then the endpoint answers 201 with the created group

  @id:ENTRA-GROUPS-03 @must @rfc7644-3.5.2.1
  Scenario: Add a member with a null $ref
    Given Entra has provisioned a user
    And Entra has provisioned a group
    When Entra adds the user to the group with compliant PATCH operations
    Then the endpoint accepts the PATCH
    And the group reads back with the user as its only member

  @id:ENTRA-GROUPS-04 @must @rfc7644-3.5.2.3
  Scenario: Rename a group with PATCH replace displayName
    Given Entra has provisioned a group
    When Entra renames the group with compliant PATCH operations
    Then the endpoint accepts the PATCH
    And the group reads back with the new displayName

  @id:ENTRA-GROUPS-05 @must @rfc7644-3.5.2.2
  Scenario: Remove a member with a members[value eq "…"] path
    Given Entra has provisioned a user
    And Entra has provisioned a group with that user as a member
    When Entra removes the user from the group with compliant PATCH operations
    Then the endpoint accepts the PATCH
    And the group reads back without members

  @id:ENTRA-GROUPS-06 @must @rfc7644-3.6
  Scenario: Delete a group
    Given Entra has provisioned a group
    When Entra deletes the group
    Then the endpoint answers 204
    And reading the group answers 404 with a SCIM error

  @id:ENTRA-GROUPS-07 @must @rfc7644-3.4.2.5
  Scenario: The lookup excluding members leaves members out of a group that has some
    Given Entra has provisioned a user
    And Entra has provisioned a group with that user as a member
    When Entra looks the group up by displayName excluding members
    Then exactly that group is found, without a members attribute
