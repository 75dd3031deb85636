@scim @jumpcloud
Feature: JumpCloud group push
  JumpCloud pushes a user group with its members and removes members with a value list and no filter — a shape RFC
  7644 does not define (RFC 7644 §3.5.2.2 removes every value when no filter is given), so that check is a SHOULD
  and runs on the bundled server's lenient tenant.

  @id:JUMPCLOUD-GROUPS-01 @must @rfc7644-3.3
  Scenario: Push a group with two members
    Given JumpCloud has created a user
    And JumpCloud has created another user
    When JumpCloud pushes a group with both users as members
    Then the endpoint answers 201 with the created group
    And the group reads back with both users as members

  @id:JUMPCLOUD-GROUPS-02 @should @rfc7644-3.5.2.2 @entra-quirk
  Scenario: A member removed with a value list leaves; the other member stays
    Given JumpCloud has created a user
    And JumpCloud has created another user
    And JumpCloud has pushed a group with both users as members
    When JumpCloud removes the other user with a value list
    Then the endpoint accepts the PATCH
    And the group reads back with the user as its only member
