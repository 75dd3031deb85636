@certify-saml
Feature: Validity window — NotBefore and NotOnOrAfter, with a small clock skew
  An assertion is valid from NotBefore until NotOnOrAfter (Conditions and the bearer SubjectConfirmationData).
  SPs allow for clocks that drift by a few seconds to a few minutes; an assertion well outside the window is
  refused, one a few seconds early is accepted.

  Rule: An assertion outside its validity window signs nobody in

    @id:SAML-TIME-01 @must @saml-core-2.5.1.2 @core
    Scenario: An assertion that expired 10 minutes ago signs nobody in
      Given the assertion expired 10m ago
      When the response is posted to the SP
      Then the SP signs nobody in

    @id:SAML-TIME-02 @must @saml-core-2.5.1.2 @core
    Scenario: An assertion valid only in 10 minutes signs nobody in
      Given the assertion becomes valid only in 10m
      When the response is posted to the SP
      Then the SP signs nobody in

  Rule: The clock skew tolerance stays small at both edges

    @id:SAML-TIME-03 @should @saml-core-2.5.1.2 @core
    Scenario: An assertion that expired 5 minutes ago signs nobody in
      Given the assertion expired 5m ago
      When the response is posted to the SP
      Then the SP signs nobody in

    @id:SAML-TIME-04 @should @saml-core-2.5.1.2 @core
    Scenario: An assertion valid only in 5 minutes signs nobody in
      Given the assertion becomes valid only in 5m
      When the response is posted to the SP
      Then the SP signs nobody in

    @id:SAML-TIME-05 @should @saml-core-2.5.1.2 @core
    Scenario: An assertion from an IdP whose clock is 20 seconds ahead signs the user in
      Given the assertion becomes valid only in 20s
      When the response is posted to the SP
      Then the SP signs the user in
