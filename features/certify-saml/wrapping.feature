@certify-saml
Feature: Signature wrapping — the SP reads only what the signature covers
  XML signature wrapping (Somorovsky et al., "On Breaking SAML", 2012) keeps a valid signature in the document
  while moving the signed content, so that an SP which verifies one element and reads another signs in whoever
  the unsigned copy names. Each attack here claims to be the victim; the SP may refuse the response or sign in
  only the user the IdP really signed, never the victim. An attack that moves content inside the Response starts,
  as a real attacker would, from a response whose assertion alone is signed when the SP accepts one (probed once
  per run; each scenario's transcript says which signature it kept, and why).

  Rule: XSW1–XSW8 never sign the victim in

    @id:SAML-XSW-01 @must @saml-core-5.4.2 @core
    Scenario: XSW1 — the signed Response copied inside its own signature
      Given the attacker wraps the signed assertion using XSW1 to claim to be the victim
      When the response is posted to the SP
      Then the victim is not signed in

    @id:SAML-XSW-02 @must @saml-core-5.4.2 @core
    Scenario: XSW2 — the signed Response copied before its signature
      Given the attacker wraps the signed assertion using XSW2 to claim to be the victim
      When the response is posted to the SP
      Then the victim is not signed in

    @id:SAML-XSW-03 @must @saml-core-5.4.2 @core
    Scenario: XSW3 — an unsigned assertion before the signed one
      Given the attacker wraps the signed assertion using XSW3 to claim to be the victim
      When the response is posted to the SP
      Then the victim is not signed in

    @id:SAML-XSW-04 @must @saml-core-5.4.2 @core
    Scenario: XSW4 — the signed assertion moved inside an unsigned one
      Given the attacker wraps the signed assertion using XSW4 to claim to be the victim
      When the response is posted to the SP
      Then the victim is not signed in

    @id:SAML-XSW-05 @must @saml-core-5.4.2 @core
    Scenario: XSW5 — the signed assertion changed in place, an unsigned copy appended
      Given the attacker wraps the signed assertion using XSW5 to claim to be the victim
      When the response is posted to the SP
      Then the victim is not signed in

    @id:SAML-XSW-06 @must @saml-core-5.4.2 @core
    Scenario: XSW6 — the original assertion copied inside the evil assertion's signature
      Given the attacker wraps the signed assertion using XSW6 to claim to be the victim
      When the response is posted to the SP
      Then the victim is not signed in

    @id:SAML-XSW-07 @must @saml-core-5.4.2 @core
    Scenario: XSW7 — the signed assertion hidden in Extensions, an unsigned one in its place
      Given the attacker wraps the signed assertion using XSW7 to claim to be the victim
      When the response is posted to the SP
      Then the victim is not signed in

    @id:SAML-XSW-08 @must @saml-core-5.4.2 @core
    Scenario: XSW8 — the original assertion in a ds:Object of the evil assertion's signature
      Given the attacker wraps the signed assertion using XSW8 to claim to be the victim
      When the response is posted to the SP
      Then the victim is not signed in

  Rule: A Web SSO response carries exactly one assertion, where it belongs

    @id:SAML-XSW-09 @must @saml-profiles-4.1.4.2 @core
    Scenario: A response with two signed assertions signs nobody in
      Given the response carries two signed assertions
      When the response is posted to the SP
      Then the SP signs nobody in

    @id:SAML-XSW-10 @must @saml-core-3.2.2 @core
    Scenario: An assertion hidden in the Response Extensions does not sign the victim in
      Given the attacker hides an assertion claiming to be the victim in the Response Extensions
      When the response is posted to the SP
      Then the victim is not signed in

    @id:SAML-XSW-11 @must @saml-core-2.6 @core
    Scenario: An assertion hidden in the assertion's Advice does not sign the victim in
      Given the attacker hides an assertion claiming to be the victim in the assertion's Advice
      When the response is posted to the SP
      Then the victim is not signed in

    @id:SAML-XSW-12 @must @xmldsig-core-4.5 @core
    Scenario: An assertion hidden in the signature's Object does not sign the victim in
      Given the attacker hides an assertion claiming to be the victim in the signature's Object
      When the response is posted to the SP
      Then the victim is not signed in

    @id:SAML-XSW-13 @must @saml-core-1.3.4 @core
    Scenario: An unsigned assertion that reuses the signed assertion's ID does not sign the victim in
      Given the attacker inserts an assertion claiming to be the victim with the signed assertion's ID
      When the response is posted to the SP
      Then the victim is not signed in
