@scim @okta
Feature: Okta user provisioning
  The exact requests Okta sends: lookups with startIndex=1&count=100, full PUT updates, path-less deactivation.

  @id:OKTA-USERS-01 @must @rfc7644-3.4.2
  Scenario: User lookup with count=100 finds nothing for a new userName, even when users exist
    Given Okta has provisioned a user
    When Okta looks up a new userName with startIndex 1 and count 100
    Then the endpoint answers 200 with an empty ListResponse

  @id:OKTA-USERS-02 @must @rfc7644-3.3
  Scenario: Create a user, then find it with the count=100 lookup
    When Okta provisions a new user
    Then the endpoint answers 201 with the created user
    And Okta's lookup finds exactly that user

  @id:OKTA-USERS-03 @must @rfc7644-3.5.1
  Scenario: Profile update as a full PUT
    Given Okta has provisioned a user
    When Okta replaces the user with a new givenName and displayName
    Then the endpoint answers 200 with the replaced user
    And the user reads back with the new displayName and givenName

  @id:OKTA-USERS-04 @must @rfc7644-3.5.2.3
  Scenario: Deactivate with a path-less replace of active
    Given Okta has provisioned a user
    When Okta deactivates the user
    Then the endpoint accepts the PATCH
    And the user reads back with active false
    And Okta's lookup finds exactly that user

  @id:OKTA-USERS-05 @must @rfc7644-3.5.2.3
  Scenario: Reactivate with a path-less replace of active
    Given Okta has provisioned a user
    And Okta has deactivated the user
    When Okta reactivates the user
    Then the endpoint accepts the PATCH
    And the user reads back with active true
