@certify-saml
Feature: NameID injection — the SP reads the whole signed NameID
  Canonicalization drops comments, so a NameID of "victim@example.com<!---->.evil.example" signs the same as one
  without the comment; an SP that reads the first text node signs in the victim (CVE-2017-11427 and its family).
  The SP may refuse such a NameID or read it whole; it must never sign the victim in.

  @id:SAML-NAMEID-01 @must @saml-core-2.2.3 @core
  Scenario: An XML comment inside the NameID does not sign the victim in
    Given the attacker injects an XML comment into the NameID to claim to be the victim
    When the response is posted to the SP
    Then the victim is not signed in

  @id:SAML-NAMEID-02 @must @saml-core-2.2.3 @core
  Scenario: A CDATA section inside the NameID does not sign the victim in
    Given the attacker injects a CDATA section into the NameID to claim to be the victim
    When the response is posted to the SP
    Then the victim is not signed in
