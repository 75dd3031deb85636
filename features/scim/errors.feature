@scim @core
Feature: Errors
  Every error is a SCIM error body (RFC 7644 §3.12): the Error schema, the HTTP status as a string, and a scimType
  where the RFC pairs one with the status. Bad input never causes a 500.

  Rule: Error bodies follow RFC 7644 §3.12

    @id:CORE-ERRORS-01 @must @rfc7644-3.12
    Scenario: A 404 carries the Error schema and its status as a string
      When the client retrieves a user with an unknown id
      Then the response status is 404
      And the response has the schema "urn:ietf:params:scim:api:messages:2.0:Error"
      And the response has "status" equal to the string "404"

    @id:CORE-ERRORS-02 @should @rfc7644-3.12 @rfc7644-3.1
    Scenario: Responses are application/scim+json
      Given the user "alice" exists
      When the client retrieves the user "alice"
      Then the response content type is "application/scim+json"

    @id:CORE-ERRORS-03 @must @rfc7644-3.3 @rfc7644-3.12
    Scenario: Creating a user without a userName is a 400
      When the client creates a user without a userName
      Then the response is a SCIM error with status 400

  Rule: Malformed requests are refused precisely (RFC 7644 §3.12)

    @id:CORE-ERRORS-04 @must @rfc7644-3.12
    Scenario: A body that is not JSON is a 400 invalidSyntax
      When the client creates a user with a malformed JSON body
      Then the response is a SCIM error with status 400 and scimType invalidSyntax

    @id:CORE-ERRORS-05 @must @rfc7644-3.12
    Scenario: Requests for an unknown id are 404 for every method
      When the client deletes a user with an unknown id
      Then the response is a SCIM error with status 404
