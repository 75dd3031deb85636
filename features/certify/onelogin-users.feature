@scim @onelogin
Feature: OneLogin user provisioning
  The requests OneLogin's SCIM v2 connector sends: a userName lookup, a POST and later PUTs of the whole SCIM JSON
  template, Suspend as a PATCH of active, Delete as a DELETE.

  @id:ONELOGIN-USERS-01 @must @rfc7644-3.3 @rfc7643-4.3
  Scenario: Create a user from OneLogin's template, then find it by userName
    When OneLogin creates a user from its template
    Then the endpoint answers 201 with the created user
    And OneLogin's lookup finds exactly that user
    And the user reads back with the template's department and title

  @id:ONELOGIN-USERS-02 @must @rfc7644-3.5.1
  Scenario: A profile change is a PUT of the whole template, without id
    Given OneLogin has created a user from its template
    When OneLogin sends the template again with a new department and title
    Then the endpoint answers 200
    And the user reads back with the template's department and title

  @id:ONELOGIN-USERS-03 @must @rfc7644-3.5.2.3
  Scenario: Suspend with a PATCH of active to false
    Given OneLogin has created a user from its template
    When OneLogin suspends the user
    Then the endpoint accepts the PATCH
    And the user reads back with active false
    And OneLogin's lookup finds exactly that user

  @id:ONELOGIN-USERS-04 @must @rfc7644-3.6
  Scenario: Delete removes the user
    Given OneLogin has created a user from its template
    When OneLogin deletes the user
    Then the endpoint answers 204
    And reading the user answers 404 with a SCIM error
