@scim @core @requires:patch
Feature: Modifying users with PATCH
  Identity providers update users attribute by attribute with PATCH (RFC 7644 §3.5.2). Each change is checked by
  reading the user back, so both "200 with the resource" and "204 No Content" answers are accepted.

  Rule: replace changes an attribute (RFC 7644 §3.5.2.3)

    @id:CORE-PATCH-01 @must @rfc7644-3.5.2.3
    Scenario: Replacing a simple attribute by path
      Given the user "alice" exists with the title "Engineer"
      When the client patches the user "alice" with:
        | op      | path  | value          |
        | replace | title | Chief Engineer |
      Then the request succeeds
      And the user "alice" has "title" equal to "Chief Engineer"

    @id:CORE-PATCH-02 @must @rfc7644-3.5.2.3
    Scenario: Replacing without a path applies the value object to the resource
      Given the user "alice" exists with the title "Engineer"
      When the client patches the user "alice" with:
        | op      | path | value                                        |
        | replace |      | {"title": "Architect", "nickName": "Ally"}   |
      Then the request succeeds
      And the user "alice" has "title" equal to "Architect"
      And the user "alice" has "nickName" equal to "Ally"

    @id:CORE-PATCH-03 @must @rfc7644-3.5.2.3
    Scenario: Replacing a sub-attribute of a complex attribute
      Given the user "alice" exists
      When the client patches the user "alice" with:
        | op      | path           | value  |
        | replace | name.givenName | Alicia |
      Then the request succeeds
      And the user "alice" has "name.givenName" equal to "Alicia"
      And the user "alice" has "name.familyName" equal to "Harness"

    @id:CORE-PATCH-04 @must @rfc7644-3.5.2.3
    Scenario: Replacing the value of the work email through a value filter
      Given the user "alice" exists
      When the client patches the user "alice" with:
        | op      | path                        | value                          |
        | replace | emails[type eq "work"].value | <prefix>alice.new@example.com |
      Then the request succeeds
      And the user "alice" has "emails.0.value" equal to "<prefix>alice.new@example.com"

  Rule: add adds an attribute or values (RFC 7644 §3.5.2.1)

    @id:CORE-PATCH-05 @must @rfc7644-3.5.2.1
    Scenario: Adding a missing attribute
      Given the user "alice" exists
      When the client patches the user "alice" with:
        | op  | path     | value |
        | add | nickName | Ally  |
      Then the request succeeds
      And the user "alice" has "nickName" equal to "Ally"

    @id:CORE-PATCH-06 @must @rfc7644-3.5.2.1
    Scenario: Adding a value to a multi-valued attribute
      Given the user "alice" exists
      When the client patches the user "alice" with:
        | op  | path         | value                                       |
        | add | phoneNumbers | [{"type": "work", "value": "+1 555 0100"}]  |
      Then the request succeeds
      And the user "alice" has "phoneNumbers.0.value" equal to "+1 555 0100"

  Rule: remove removes an attribute (RFC 7644 §3.5.2.2)

    @id:CORE-PATCH-07 @must @rfc7644-3.5.2.2
    Scenario: Removing a simple attribute
      Given the user "alice" exists with the title "Engineer"
      When the client patches the user "alice" with:
        | op     | path  |
        | remove | title |
      Then the request succeeds
      And the user "alice" has no "title"

  Rule: The enterprise extension's manager is set and cleared by its URN-qualified path (RFC 7643 §4.3, RFC 7644 §3.5.2)

    @id:CORE-PATCH-08 @must @requires:enterpriseUser @rfc7643-4.3 @rfc7644-3.5.2.1
    Scenario: Setting the manager
      Given the users "alice" and "bob" exist
      When the client patches the user "alice" with:
        | op  | path                                                               | value                 |
        | add | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager | {"value": "<bob.id>"} |
      Then the request succeeds
      And the user "alice" has "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.manager.value" equal to "<bob.id>"

    @id:CORE-PATCH-09 @must @requires:enterpriseUser @rfc7643-4.3 @rfc7644-3.5.2.3
    Scenario: Replacing the manager
      Given the users "bob" and "cid" exist
      And the user "alice" exists reporting to "bob"
      When the client patches the user "alice" with:
        | op      | path                                                               | value                 |
        | replace | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager | {"value": "<cid.id>"} |
      Then the request succeeds
      And the user "alice" has "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.manager.value" equal to "<cid.id>"

    @id:CORE-PATCH-10 @must @requires:enterpriseUser @rfc7643-4.3 @rfc7644-3.5.2.2
    Scenario: Removing the manager
      Given the user "bob" exists
      And the user "alice" exists reporting to "bob"
      When the client patches the user "alice" with:
        | op     | path                                                               |
        | remove | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager |
      Then the request succeeds
      And the user "alice" has no "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.manager.value"
