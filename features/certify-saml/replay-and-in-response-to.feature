@certify-saml
Feature: Replay and InResponseTo — a response is used once, by the request and browser it answers
  A bearer assertion is worth a session to whoever posts it. The SP remembers the assertions it accepted until
  they expire and refuses a second use, answers each of its AuthnRequests once, and refuses a response that names
  a request it never sent.

  Rule: A response signs in at most once

    @id:SAML-REPLAY-01 @must @saml-profiles-4.1.4.5 @core
    Scenario: The accepted response posted again from the same browser signs nobody in
      Given the user has signed in to the SP
      When the same response is posted again from the same browser
      Then the SP signs nobody in

    @id:SAML-REPLAY-02 @must @saml-profiles-4.1.4.5 @core
    Scenario: The accepted response posted again from another browser signs nobody in
      Given the user has signed in to the SP
      When the same response is posted again from another browser
      Then the SP signs nobody in

  Rule: InResponseTo names an AuthnRequest the SP sent and still awaits

    @id:SAML-REPLAY-03 @must @saml-profiles-4.1.4.3 @core
    Scenario: A response to an AuthnRequest the SP never sent signs nobody in
      Given the response answers an AuthnRequest the SP never sent
      When the response is posted to the SP
      Then the SP signs nobody in

    @id:SAML-REPLAY-04 @must @saml-profiles-4.1.4.3 @core
    Scenario: A second response to an already answered AuthnRequest signs nobody in
      Given the SP starts its own sign-ins
      And the user has signed in to the SP
      And the response answers the AuthnRequest of the user's earlier sign-in
      When the response is posted to the SP
      Then the SP signs nobody in

    @id:SAML-REPLAY-05 @should @saml-profiles-4.1.4.3 @core
    Scenario: A response to an AuthnRequest another browser started signs nobody in
      Given the AuthnRequest was started in another browser
      When the response is posted to the SP
      Then the SP signs nobody in

    @id:SAML-REPLAY-06 @should @saml-profiles-4.1.5 @core
    Scenario: An unsolicited response while the browser awaits its own AuthnRequest signs nobody in
      Given the SP starts its own sign-ins
      And the IdP answers without InResponseTo, as if unsolicited
      When the response is posted to the SP
      Then the SP signs nobody in
