@scim @core
Feature: Groups
  Identity providers push groups and their memberships (RFC 7643 §4.2, RFC 7644 §3.5.2). Membership changes are
  checked by reading the group back.

  Rule: Creating a group answers 201; a taken displayName is a conflict

    @id:CORE-GROUPS-01 @must @rfc7644-3.3 @rfc7643-4.2
    Scenario: A new group is created
      When the client creates the group "engineering"
      Then the response status is 201
      And the response carries the new resource's id and meta of type "Group"
      And the response has "displayName" equal to "<prefix>engineering"

    @id:CORE-GROUPS-02 @must @rfc7644-3.3 @rfc7643-4.2
    Scenario: A group is created with members
      Given the users "alice" and "bob" exist
      When the client creates the group "engineering" with the members "alice" and "bob"
      Then the response status is 201
      And the group "engineering" has exactly the members "alice" and "bob"

    @id:CORE-GROUPS-03 @should @rfc7644-3.3
    Scenario: Creating a second group with a taken displayName is a uniqueness conflict
      Given the group "engineering" exists
      When the client creates the group "engineering-again" with the displayName of "engineering"
      Then the response is a SCIM error with status 409 and scimType uniqueness

  Rule: Memberships change with PATCH (RFC 7644 §3.5.2)

    @id:CORE-GROUPS-04 @must @requires:patch @rfc7644-3.5.2.1
    Scenario: Adding a member
      Given the user "alice" exists
      And the group "engineering" exists
      When the client adds "alice" to the group "engineering"
      Then the request succeeds
      And the group "engineering" has exactly the members "alice"

    @id:CORE-GROUPS-05 @must @requires:patch @rfc7644-3.5.2.2
    Scenario: Removing one member by a value filter
      Given the users "alice" and "bob" exist
      And the group "engineering" exists with the members "alice" and "bob"
      When the client removes "alice" from the group "engineering"
      Then the request succeeds
      And the group "engineering" has exactly the members "bob"

    @id:CORE-GROUPS-06 @must @requires:patch @rfc7644-3.5.2.2
    Scenario: Removing all members
      Given the users "alice" and "bob" exist
      And the group "engineering" exists with the members "alice" and "bob"
      When the client removes all members from the group "engineering"
      Then the request succeeds
      And the group "engineering" has no members

    @id:CORE-GROUPS-07 @must @requires:patch @rfc7644-3.5.2.3
    Scenario: Replacing the displayName
      Given the group "engineering" exists
      When the client renames the group "engineering" to "platform"
      Then the request succeeds
      And the group "engineering" has "displayName" equal to "<prefix>platform"

  Rule: Reading groups without their members (RFC 7644 §3.4.2.5)

    @id:CORE-GROUPS-08 @must @rfc7644-3.4.2.5
    Scenario: excludedAttributes=members leaves the members out
      Given the user "alice" exists
      And the group "engineering" exists with the members "alice"
      When the client retrieves the group "engineering" excluding the attributes "members"
      Then the response status is 200
      And the response has "displayName" equal to "<prefix>engineering"
      And the response has no "members"

  Rule: A deleted group is gone; a deleted user leaves its groups (RFC 7644 §3.6)

    @id:CORE-GROUPS-09 @must @rfc7644-3.6
    Scenario: Deleting a group answers 204 and the group is gone
      Given the group "engineering" exists
      When the client deletes the group "engineering"
      Then the response status is 204
      And the group "engineering" no longer exists

    @id:CORE-GROUPS-10 @should @rfc7644-3.6
    Scenario: Deleting a user removes it from its groups
      Given the users "alice" and "bob" exist
      And the group "engineering" exists with the members "alice" and "bob"
      When the client deletes the user "alice"
      Then the response status is 204
      And the group "engineering" has exactly the members "bob"
