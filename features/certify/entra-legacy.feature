@scim @entra @legacy-shape @entra-quirk
Feature: Entra legacy PATCH shapes
  Entra's default behaviour for older app registrations sends non-standard PATCH shapes. They are not RFC 7644,
  so accepting them is a SHOULD (Entra galleries expect it) or a MAY; the report lists which ones the endpoint
  accepts, so the vendor knows whether customers must enable the compliant behaviour.

  @id:ENTRA-LEGACY-01 @should @rfc7644-3.5.2
  Scenario: Capitalised "Replace" operations
    Given Entra has provisioned a user
    When Entra updates the user's displayName, givenName and work email with legacy PATCH operations
    Then the endpoint accepts the PATCH
    And the user reads back with the new displayName, givenName and work email

  @id:ENTRA-LEGACY-02 @may @rfc7644-3.5.2
  Scenario: Disable with "Replace" and the string "False"
    Given Entra has provisioned a user
    When Entra disables the user with legacy PATCH operations
    Then the endpoint accepts the PATCH
    And the user reads back with active false

  @id:ENTRA-LEGACY-03 @should @rfc7644-3.5.2
  Scenario: Capitalised "Add" of members
    Given Entra has provisioned a user
    And Entra has provisioned a group
    When Entra adds the user to the group with legacy PATCH operations
    Then the endpoint accepts the PATCH
    And the group reads back with the user as its only member

  @id:ENTRA-LEGACY-04 @may @rfc7644-3.5.2
  Scenario: "Remove" of members with a value array instead of a filter path
    Given Entra has provisioned a user
    And Entra has provisioned a group with that user as a member
    When Entra removes the user from the group with legacy PATCH operations
    Then the endpoint accepts the PATCH
    And the group reads back without members
