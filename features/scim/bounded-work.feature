@scim @bundled-only
Feature: Bounded work per tenant
  What one tenant's clients, or one slow client, can cost the reference SP is bounded, and every refusal is a
  SCIM error body (RFC 7644 §3.12). The bounds are per-tenant settings; their defaults and reasons are in
  docs/reference-scim.md, "Bounded work per tenant and per connection". Each scenario runs its own tenant with
  small limits.

  Rule: A filter or sortBy that no index serves is refused above the tenant's scan limit (RFC 7644 §3.4.2.2)

    @id:BUNDLED-BOUNDS-01 @must @rfc7644-3.4.2.2 @rfc7644-3.12
    Scenario: A filter no index serves is refused with tooMany
      Given a SCIM tenant that examines at most 3 users without an index
      And the tenant holds 4 users
      When its client lists users with the filter 'name.familyName eq "User 1"'
      Then the response is a SCIM error with status 400 and scimType tooMany

    @id:BUNDLED-BOUNDS-02 @must @rfc7644-3.4.2.3 @rfc7644-3.12
    Scenario: Sorting is refused with tooMany
      Given a SCIM tenant that examines at most 3 users without an index
      And the tenant holds 4 users
      When its client lists users sorted by "userName"
      Then the response is a SCIM error with status 400 and scimType tooMany

    @id:BUNDLED-BOUNDS-03 @must @rfc7644-3.4.2.2 @entra @okta
    Scenario Outline: The lookups Entra and Okta send are answered from an index, whatever the tenant's size
      Given a SCIM tenant that examines at most 3 users without an index
      And the tenant holds 4 users
      When its client lists users with the filter '<filter>'
      Then the tenant answers 200 with 1 result

      Examples:
        | filter                                      |
        | userName eq "USER2@bounded.test"            |
        | externalId eq "ext-3"                       |
        | externalId eq "ext-1" and name.familyName pr |

    @id:BUNDLED-BOUNDS-04 @must @rfc7644-3.4.2.4 @okta
    Scenario: Paging without a filter is read page by page, whatever the tenant's size
      Given a SCIM tenant that examines at most 3 users without an index
      And the tenant holds 4 users
      When its client lists users from index 3, 2 at a time
      Then the tenant answers 200 with 2 results

  Rule: Each tenant has a rate limit; beyond it, 429 with Retry-After (RFC 6585 §4)

    @id:BUNDLED-BOUNDS-05 @must @rfc6585-4
    Scenario: A request beyond the tenant's burst gets 429 and how long to wait
      Given a SCIM tenant that admits bursts of 2 requests and 1 request every 10 seconds
      When its client sends 3 requests in a row
      Then the first 2 requests are answered 200
      And the last is answered 429 with Retry-After "10" and a SCIM error body

  Rule: A request body that stops arriving is not waited for (RFC 9110 §15.5.9)

    @id:BUNDLED-BOUNDS-06 @must @rfc9110-15.5.9
    Scenario: A body that stalls halfway gets 408 and the connection is closed
      Given a SCIM tenant that waits at most 200 ms for the rest of a request body
      When its client starts creating a user and stops sending halfway
      Then the tenant answers 408 with a SCIM error body and closes the connection
