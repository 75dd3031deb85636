@scim @bundled-only
Feature: What a hostile request can cost the reference SP
  The reference SP bounds the work of every request and answers anything it refuses with a precise SCIM error —
  never a 500, never a body that is not SCIM (RFC 7644 §3.12). The limits and why they are where they are:
  docs/reference-scim.md, "Limits".

  Rule: PATCH is capped in operations and in values per attribute (RFC 7644 §3.5.2, §3.12)

    @id:BUNDLED-LIMITS-01 @must @rfc7644-3.12 @requires:patch
    Scenario: A PATCH with more operations than the server accepts is refused with tooMany, changing nothing
      Given the user "alice" exists
      When the client patches the user "alice" with one operation more than the PATCH limit
      Then the response is a SCIM error with status 400 and scimType tooMany
      And the user "alice" has "displayName" equal to "Alice Harness"

    @id:BUNDLED-LIMITS-02 @must @rfc7644-3.12 @requires:patch
    Scenario: A PATCH giving one attribute more values than the server accepts is refused with invalidValue
      Given the user "alice" exists
      When the client patches the user "alice" adding one email more than the per-attribute limit
      Then the response is a SCIM error with status 400 and scimType invalidValue

    @id:BUNDLED-LIMITS-03 @must @rfc7644-3.14 @requires:patch
    Scenario: Replacing values with the same values in another key order changes no version
      Given the user "alice" exists
      When the client replaces the emails of "alice" with the same values in another key order
      Then the response status is 200
      And the response keeps the version "alice" was created with

  Rule: Deep nesting is refused with a 400, never a stack overflow (RFC 7644 §3.12)

    @id:BUNDLED-LIMITS-04 @must @rfc7644-3.7 @requires:bulk
    Scenario: A Bulk request whose data nests thousands of levels deep is 400 invalidSyntax
      When the client sends a Bulk request whose data nests 5000 levels deep
      Then the response is a SCIM error with status 400 and scimType invalidSyntax

    @id:BUNDLED-LIMITS-05 @must @rfc7644-3.4.2.2 @requires:filter
    Scenario: A filter nesting a thousand parentheses is 400 invalidFilter
      When the client lists users with a filter nesting 1000 parentheses
      Then the response is a SCIM error with status 400 and scimType invalidFilter

  Rule: Every response under the SCIM base is a SCIM body (RFC 7644 §3.1, §3.12)

    @id:BUNDLED-LIMITS-06 @must @rfc7644-3.12
    Scenario: A path with an empty tenant segment is a SCIM 404
      When the client requests "/scim/v2//Users" on the server
      Then the response is a SCIM error with status 404
      And the response content type is "application/scim+json"

    @id:BUNDLED-LIMITS-07 @must @rfc7644-3.12
    Scenario: A method an endpoint does not support is a 501 that names what is not implemented
      When the client sends PATCH to "/ServiceProviderConfig"
      Then the response is a SCIM error with status 501
      And the error names what is not implemented

  Rule: Strings are well-formed Unicode (RFC 8259 §8.2, RFC 7644 §3.12)

    @id:BUNDLED-LIMITS-08 @must @rfc7644-3.12
    Scenario: A lone surrogate in a string is 400 invalidValue
      When the client creates the user "eve" with a lone surrogate in the displayName
      Then the response is a SCIM error with status 400 and scimType invalidValue
      And the user "eve" was not created
