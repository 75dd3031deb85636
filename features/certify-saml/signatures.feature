@certify-saml
Feature: Signatures — the SP accepts only what the IdP it trusts signed
  The SP under test is certified against the mock IdP it trusts. A legitimate response, signed the way the SP's
  metadata asks, must sign the user in; every response whose signature is missing, broken, made with another key
  or algorithm, or computed over something other than what the SP reads must sign nobody in.

  Rule: A response signed the way the SP's metadata asks signs the user in
    The legitimate response has the Response and the assertion signed: that is what WantAssertionsSigned asks,
    and what SPs that require a signed Response (which metadata cannot say) need as well.

    @id:SAML-SIG-01 @must @saml-profiles-4.1.3.5 @core
    Scenario: A legitimate response signs the user in
      Given a legitimate response signed the way the SP's metadata asks
      When the response is posted to the SP
      Then the SP signs the user in

    @id:SAML-SIG-02 @should @saml-profiles-4.1.4.2 @core
    Scenario: An SP that does not ask for signed assertions accepts one that only the Response signature covers
      Given the SP does not ask for signed assertions in its metadata
      And the IdP signs only the Response, not the assertion
      When the response is posted to the SP
      Then the SP signs the user in

    @id:SAML-SIG-11 @should @xmldsig-core-6.4.2 @core
    Scenario: A response signed with RSA-SHA512 signs the user in
      Given the IdP signs with RSA-SHA512
      When the response is posted to the SP
      Then the SP signs the user in

  Rule: A missing or untrusted signature signs nobody in

    @id:SAML-SIG-03 @must @saml-profiles-4.1.3.5 @core
    Scenario: An SP that asks for signed assertions refuses an assertion only the Response signature covers
      Given the SP asks for signed assertions in its metadata
      And the IdP signs only the Response, not the assertion
      When the response is posted to the SP
      Then the SP signs nobody in

    @id:SAML-SIG-04 @must @saml-core-5.2 @core
    Scenario: An unsigned response signs nobody in
      Given the response carries no signature at all
      When the response is posted to the SP
      Then the SP signs nobody in

    @id:SAML-SIG-05 @must @xmldsig-core-3.2.2 @core
    Scenario: A response signed with a key the SP never trusted signs nobody in
      Given the attacker signs the response with a key of their own
      When the response is posted to the SP
      Then the SP signs nobody in

    @id:SAML-SIG-06 @must @xmldsig-core-3.2.1 @core
    Scenario: A NameID changed after signing signs nobody in
      Given the attacker changes the NameID after signing
      When the response is posted to the SP
      Then the SP signs nobody in

    @id:SAML-SIG-07 @must @xmldsig-core-3.2.2 @core
    Scenario: An empty SignatureValue signs nobody in
      Given the attacker empties the SignatureValue
      When the response is posted to the SP
      Then the SP signs nobody in

    @id:SAML-SIG-08 @must @xmldsig-core-4.5 @core
    Scenario: A certificate smuggled in KeyInfo is not trusted
      Given the attacker signs with their own key and puts its certificate in KeyInfo
      When the response is posted to the SP
      Then the SP signs nobody in

    @id:SAML-SIG-09 @must @xmldsig-core-6.3 @core
    Scenario: An HMAC signature keyed with the IdP's public certificate signs nobody in
      Given the attacker signs with HMAC keyed with the IdP's public certificate
      When the response is posted to the SP
      Then the SP signs nobody in

    @id:SAML-SIG-10 @should @xmldsig-core-6.4.2 @core
    Scenario: A response signed with RSA-SHA1 signs nobody in
      Given the IdP signs with RSA-SHA1
      When the response is posted to the SP
      Then the SP signs nobody in

  Rule: Only the enveloped-signature and exclusive canonicalization transforms are honoured

    @id:SAML-SIG-12 @must @saml-core-5.4.4 @core
    Scenario: A signature with an XSLT transform signs nobody in
      Given the attacker adds an XSLT transform to the signature
      When the response is posted to the SP
      Then the SP signs nobody in

    @id:SAML-SIG-13 @must @saml-core-5.4.4 @core
    Scenario: An XPath transform that leaves the Subject unsigned does not sign the victim in
      Given the attacker adds an XPath transform to the signature to claim to be the victim
      When the response is posted to the SP
      Then the victim is not signed in

    @id:SAML-SIG-14 @must @saml-core-5.4.4 @core
    Scenario: A signature without the enveloped-signature transform signs nobody in
      Given the attacker drops the enveloped-signature transform
      When the response is posted to the SP
      Then the SP signs nobody in
