@scim @core @requires:etag
Feature: Versioning with ETags
  When an endpoint advertises ETags, each resource carries its version (meta.version and the ETag header) and
  conditional requests protect against lost updates (RFC 7644 §3.14).

  Rule: A resource's version is its ETag (RFC 7644 §3.14)

    @id:CORE-ETAG-01 @must @rfc7644-3.14
    Scenario: Reading a user returns an ETag equal to meta.version
      Given the user "alice" exists
      When the client retrieves the user "alice"
      Then the response status is 200
      And the ETag header equals meta.version

  Rule: If-Match with a stale version refuses the change (RFC 7644 §3.14, RFC 7232 §3.1)

    @id:CORE-ETAG-02 @must @requires:patch @rfc7644-3.14
    Scenario: A PATCH conditioned on a stale version is refused with 412
      Given the user "alice" exists
      And the user "alice" has been changed since it was read
      When the client patches the user "alice" if it still has the version first read
      Then the response is a SCIM error with status 412

    @id:CORE-ETAG-03 @must @rfc7644-3.14
    Scenario: A PUT conditioned on the current version succeeds
      Given the user "alice" exists
      When the client replaces the user "alice" if it still has its current version
      Then the response status is 200

  Rule: If-None-Match with the current version answers 304 (RFC 7644 §3.14, RFC 7232 §3.2)

    @id:CORE-ETAG-04 @should @rfc7644-3.14
    Scenario: Reading an unchanged user conditionally answers 304 Not Modified
      Given the user "alice" exists
      When the client retrieves the user "alice" unless it still has its current version
      Then the response status is 304
