@scim @core @requires:bulk
Feature: Bulk operations
  When an endpoint advertises /Bulk, several operations travel in one request; a bulkId lets a later operation
  reference a resource created earlier in the same request (RFC 7644 §3.7).

  Rule: bulkId references resolve to the created resource (RFC 7644 §3.7.2)

    @id:CORE-BULK-01 @must @rfc7644-3.7 @rfc7644-3.7.2
    Scenario: A group created in the same Bulk request references a new user by bulkId
      When the client sends a Bulk request creating the user "alice" and the group "engineering" with "alice" as a member by bulkId
      Then the response status is 200
      And every Bulk operation succeeded with status 201
      And the group "engineering" has exactly the members "alice"

  Rule: failOnErrors stops processing after that many errors (RFC 7644 §3.7.3)

    @id:CORE-BULK-02 @must @rfc7644-3.7.3
    Scenario: With failOnErrors 1 the operations after the first error are not performed
      Given the user "alice" exists
      When the client sends a Bulk request with failOnErrors 1 creating a duplicate of "alice" and then the user "bob"
      Then the response status is 200
      And the first Bulk operation failed with status 409
      And the user "bob" was not created
