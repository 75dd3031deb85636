@scim @entra
Feature: Entra user lifecycle, compliant PATCH behaviour
  The exact requests Entra's provisioning service sends for a user, in its RFC-compliant PATCH behaviour
  (lowercase ops, real booleans, members[value eq "…"] removal).

  @id:ENTRA-USERS-01 @must @rfc7644-3.3
  Scenario: Create: a userName filter that finds nothing, then a POST that returns 201
    When Entra provisions a new user
    Then the userName filter found no user
    And the endpoint answers 201 with the created user
    And the next cycle finds exactly that user by userName

  @id:ENTRA-USERS-02 @must @rfc7644-3.5.2.3
  Scenario: Update: GET the user, then one PATCH replace operation per changed attribute
    Given Entra has provisioned a user
    When Entra updates the user's displayName, givenName and work email with compliant PATCH operations
    Then the endpoint accepts the PATCH
    And the user reads back with the new displayName, givenName and work email

  @id:ENTRA-USERS-03 @must @rfc7644-3.5.2.3
  Scenario: Disable: PATCH replace active with the boolean false keeps the user readable
    Given Entra has provisioned a user
    When Entra disables the user with compliant PATCH operations
    Then the endpoint accepts the PATCH
    And the user reads back with active false
    And the next cycle finds exactly that user by userName

  @id:ENTRA-USERS-04 @must @rfc7644-3.6
  Scenario: Delete: DELETE returns 204 and the user is gone
    Given Entra has provisioned a user
    When Entra deletes the user
    Then the endpoint answers 204
    And reading the user answers 404 with a SCIM error

  @id:ENTRA-USERS-05 @should @rfc7644-3.5.2.3 @entra-quirk
  Scenario: Update with a path-less replace whose keys are attribute paths
    Given Entra has provisioned a user
    When Entra replaces displayName and name.givenName in one path-less operation
    Then the endpoint accepts the PATCH
    And the user reads back with the new displayName and givenName

  @id:ENTRA-USERS-06 @must @rfc7644-3.3 @rfc7644-3.12
  Scenario: A create for a userName that already exists gets 409 uniqueness
    Given Entra has provisioned a user
    When Entra creates another user with the same userName
    Then the response is a SCIM error with status 409 and scimType uniqueness

  @id:ENTRA-USERS-07 @must @rfc7643-4.1.1 @rfc7644-3.4.2.2
  Scenario: The userName lookup ignores case, as userName is not caseExact
    Given Entra has provisioned a user
    When Entra looks the user up by its userName in upper case
    Then exactly that user is found
