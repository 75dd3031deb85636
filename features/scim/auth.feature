@scim @core
Feature: Authentication
  Every SCIM request carries a bearer token. Without a valid one the endpoint answers 401 with a SCIM error
  and reveals no data (RFC 7644 §2, §3.12).

  Rule: A request without a valid bearer token is refused with 401 and no data

    @id:CORE-AUTH-01 @must @rfc7644-2 @rfc7644-3.12
    Scenario: A request without a token is refused
      When the client lists Users without a token
      Then the response status is 401
      And the response reveals no resources

    @id:CORE-AUTH-02 @must @rfc7644-2 @rfc7644-3.12
    Scenario: A request with a wrong token is refused
      When the client lists Users with a wrong token
      Then the response status is 401
      And the response reveals no resources

    @id:CORE-AUTH-03 @should @rfc7644-3.12
    Scenario: The refusal is a SCIM error body
      When the client lists Users with a wrong token
      Then the response is a SCIM error with status 401
