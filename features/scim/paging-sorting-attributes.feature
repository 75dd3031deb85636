@scim @core
Feature: Pagination, sorting and attribute selection
  Clients read large directories page by page (RFC 7644 §3.4.2.4), may ask for a sort order (§3.4.2.3) and may
  ask for only the attributes they need (§3.4.2.5).

  Rule: startIndex and count page through the results with stable totals (RFC 7644 §3.4.2.4)

    Background:
      Given 5 users exist

    @id:CORE-PAGE-01 @must @requires:filter @rfc7644-3.4.2.4
    Scenario: A page holds at most count resources and states its position and the total
      When the client lists this scenario's users from index 1 with a page size of 2
      Then the response status is 200
      And the list response has totalResults 5, startIndex 1 and itemsPerPage 2

    @id:CORE-PAGE-02 @must @requires:filter @rfc7644-3.4.2.4
    Scenario: The last page holds the remainder
      When the client lists this scenario's users from index 5 with a page size of 2
      Then the response status is 200
      And the list response has totalResults 5, startIndex 5 and itemsPerPage 1

    @id:CORE-PAGE-03 @must @requires:filter @rfc7644-3.4.2.4
    Scenario: Paging through every page returns each user exactly once
      When the client pages through this scenario's users 2 at a time
      Then every page reported totalResults 5
      And the pages together hold each of this scenario's users exactly once

  Rule: sortBy and sortOrder order the results (RFC 7644 §3.4.2.3)

    Background:
      Given these users exist:
        | user | title               |
        | ann  | Engineer            |
        | bob  | Engineering Manager |
        | cid  | Designer            |

    @id:CORE-SORT-01 @should @requires:sort @requires:filter @rfc7644-3.4.2.3
    Scenario: Sorting ascending by title
      When the client lists this scenario's users sorted by "title" in ascending order
      Then the list response holds the users "cid", "ann" and "bob" in that order

    @id:CORE-SORT-02 @should @requires:sort @requires:filter @rfc7644-3.4.2.3
    Scenario: Sorting descending by title
      When the client lists this scenario's users sorted by "title" in descending order
      Then the list response holds the users "bob", "ann" and "cid" in that order

  Rule: attributes and excludedAttributes select what is returned (RFC 7644 §3.4.2.5)

    @id:CORE-ATTR-01 @must @rfc7644-3.4.2.5
    Scenario: Asking for some attributes returns those and the id only
      Given the user "alice" exists with the title "Engineer"
      When the client retrieves the user "alice" with the attributes "userName"
      Then the response status is 200
      And the response has "id" equal to "<alice.id>"
      And the response has "userName" equal to "<alice.userName>"
      And the response has no "title"
      And the response has no "emails"

    @id:CORE-ATTR-02 @must @rfc7644-3.4.2.5
    Scenario: Excluding an attribute leaves it out and keeps the others
      Given the user "alice" exists with the title "Engineer"
      When the client retrieves the user "alice" excluding the attributes "title"
      Then the response status is 200
      And the response has "userName" equal to "<alice.userName>"
      And the response has no "title"

    @id:CORE-ATTR-03 @must @requires:filter @rfc7644-3.4.2.5
    Scenario: Attribute selection applies to every resource of a list
      Given the users "alice" and "bob" exist
      When the client lists this scenario's users with the attributes "userName"
      Then the list response holds exactly the users "alice" and "bob"
      And no listed resource has "emails"
