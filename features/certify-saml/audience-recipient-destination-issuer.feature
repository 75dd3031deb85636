@certify-saml
Feature: Audience, Recipient, Destination and Issuer — the response is for this SP, from the trusted IdP
  A response signed by the trusted IdP is still not for this SP when it names another audience, another ACS as
  the bearer Recipient or the Response Destination, or comes from another issuer: a response captured at one SP
  must not sign anybody in at another.

  @id:SAML-ADDR-01 @must @saml-core-2.5.1.4 @core
  Scenario: An assertion for another SP's audience signs nobody in
    Given the assertion names another SP as its audience
    When the response is posted to the SP
    Then the SP signs nobody in

  @id:SAML-ADDR-02 @must @saml-profiles-4.1.4.3 @core
  Scenario: A bearer confirmation for another ACS signs nobody in
    Given the bearer confirmation names another ACS as its Recipient
    When the response is posted to the SP
    Then the SP signs nobody in

  @id:SAML-ADDR-03 @must @saml-bindings-3.5.5.2 @core
  Scenario: A response whose Destination is another ACS signs nobody in
    Given the response names another ACS as its Destination
    When the response is posted to the SP
    Then the SP signs nobody in

  @id:SAML-ADDR-04 @must @saml-profiles-4.1.4.3 @core
  Scenario: A response from an issuer the SP does not trust signs nobody in
    Given the response comes from an issuer the SP does not trust
    When the response is posted to the SP
    Then the SP signs nobody in
