@scim @core
Feature: Users: create, read, replace, disable and delete
  The lifecycle an identity provider drives for each assigned person (RFC 7644 §3.3–§3.6), as the Microsoft SCIM
  Validator, Okta's SCIM SPEC test and Apache SCIMple's compliance checks exercise it.

  Rule: Creating a user answers 201 with the stored representation (RFC 7644 §3.3)

    @id:CORE-USERS-01 @must @rfc7644-3.3
    Scenario: A new user is created
      When the client creates the user "alice"
      Then the response status is 201
      And the response carries the new resource's id and meta of type "User"
      And the response has "userName" equal to "<prefix>alice@example.com"

    @id:CORE-USERS-02 @must @rfc7644-3.3
    Scenario: The Location header of a created user is its URL
      When the client creates the user "alice"
      Then the response status is 201
      And the Location header is the new resource's meta.location

  Rule: userName is unique, compared case-insensitively (RFC 7643 §4.1.1, RFC 7644 §3.3)

    @id:CORE-USERS-03 @must @rfc7644-3.3 @rfc7643-4.1.1
    Scenario: Creating a second user with a taken userName is a uniqueness conflict
      Given the user "alice" exists
      When the client creates the user "alias" with the userName of "alice"
      Then the response is a SCIM error with status 409 and scimType uniqueness

    @id:CORE-USERS-04 @must @rfc7643-4.1.1 @rfc7644-3.3
    Scenario: A userName differing only in case is taken too
      Given the user "alice" exists
      When the client creates the user "alias" with the userName of "alice" in upper case
      Then the response is a SCIM error with status 409 and scimType uniqueness

  Rule: A user is readable by its id; an unknown id is a 404 SCIM error (RFC 7644 §3.4.1, §3.12)

    @id:CORE-USERS-05 @must @rfc7644-3.4.1
    Scenario: A user is retrieved by its id
      Given the user "alice" exists
      When the client retrieves the user "alice"
      Then the response status is 200
      And the response has "id" equal to "<alice.id>"
      And the response has "userName" equal to "<alice.userName>"
      And the response has "emails.0.value" equal to "<alice.emails.0.value>"

    @id:CORE-USERS-06 @must @rfc7644-3.4.1 @rfc7644-3.12
    Scenario: An unknown id is a 404 SCIM error
      When the client retrieves a user with an unknown id
      Then the response is a SCIM error with status 404

  Rule: A disabled user is kept and still returned, with active false (RFC 7643 §4.1.1)

    @id:CORE-USERS-07 @must @requires:patch @rfc7643-4.1.1 @rfc7644-3.5.2.3
    Scenario: A disabled user is still returned by id, inactive
      Given the user "alice" exists
      When the client disables the user "alice"
      Then the request succeeds
      And the user "alice" has "active" equal to "false"

    @id:CORE-USERS-08 @must @requires:patch @rfc7643-4.1.1 @rfc7644-3.4.2.2
    Scenario: A disabled user is still found by a userName filter, inactive
      Given the user "alice" exists
      And the user "alice" has been disabled
      When the client lists Users with the filter 'userName eq "<alice.userName>"'
      Then the list response holds exactly the users "alice"
      And the listed user "alice" has "active" equal to "false"

  Rule: PUT replaces the user's attributes (RFC 7644 §3.5.1)

    @id:CORE-USERS-09 @must @rfc7644-3.5.1
    Scenario: Replacing a user changes its attributes and keeps its id
      Given the user "alice" exists
      When the client replaces the user "alice" with the title "Chief Engineer" and the given name "Alicia"
      Then the response status is 200
      And the response has "id" equal to "<alice.id>"
      And the user "alice" has "title" equal to "Chief Engineer"
      And the user "alice" has "name.givenName" equal to "Alicia"

    @id:CORE-USERS-10 @must @rfc7644-3.5.1
    Scenario: Replacing a user without an attribute clears it
      Given the user "alice" exists with the title "Engineer"
      When the client replaces the user "alice" without the title
      Then the response status is 200
      And the user "alice" has no "title"

    @id:CORE-USERS-14 @must @rfc7644-3.5.1 @rfc7643-3.1
    Scenario: Read-only attributes sent with a replacement are ignored
      Given the user "alice" exists
      When the client replaces the user "alice" sending a different meta.created
      Then the response status is 200
      And the user "alice" has "meta.created" equal to "<alice.meta.created>"

  Rule: A deleted user is gone: 204, then 404 (RFC 7644 §3.6)

    @id:CORE-USERS-11 @must @rfc7644-3.6
    Scenario: Deleting a user answers 204 and the user is gone
      Given the user "alice" exists
      When the client deletes the user "alice"
      Then the response status is 204
      And the user "alice" no longer exists

    @id:CORE-USERS-12 @must @rfc7644-3.6
    Scenario: Deleting a deleted user again is a 404
      Given the user "alice" exists
      And the user "alice" has been deleted
      When the client deletes the user "alice"
      Then the response is a SCIM error with status 404

    @id:CORE-USERS-13 @must @rfc7644-3.6 @rfc7644-3.4.2.2
    Scenario: A deleted user is no longer found by filter
      Given the user "alice" exists
      And the user "alice" has been deleted
      When the client lists Users with the filter 'userName eq "<alice.userName>"'
      Then the list response holds no resources
