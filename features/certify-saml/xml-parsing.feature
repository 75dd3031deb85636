@certify-saml
Feature: XML parsing — no DTDs, no entities, one namespace-aware reading, bounded size
  A SAML response is XML from the network: the SP must not process a DOCTYPE (external entities read files and
  fetch URLs, nested entities exhaust memory), must select elements by namespace rather than by prefix, and must
  bound what a message may cost, answering an oversized one with a refusal rather than a server error. Whether
  the SP fetched an external entity is seen out of band: the entities point at a loopback listener the harness
  runs for the scenario, so a fetch counts whatever the SP then answered.

  Rule: A DOCTYPE is refused

    @id:SAML-XML-01 @must @saml-profiles-4.1.4.5 @core
    Scenario: A DOCTYPE with an external entity signs nobody in
      Given the response carries a DOCTYPE with an external entity
      When the response is posted to the SP
      Then the SP signs nobody in

    @id:SAML-XML-02 @must @saml-profiles-4.1.4.5 @core
    Scenario: An external entity that fetches a URL signs nobody in
      Given the response declares an external entity that fetches a URL
      When the response is posted to the SP
      Then the SP signs nobody in

    @id:SAML-XML-03 @must @saml-profiles-4.1.4.5 @core
    Scenario: Exponential entity expansion signs nobody in and does not bring the SP down
      Given the response declares entities that expand exponentially
      When the response is posted to the SP
      Then the SP signs nobody in
      And the SP answers without a server error

    @id:SAML-XML-06 @should @cwe-827 @core
    Scenario: A correctly signed response behind a DOCTYPE signs nobody in
      Given the response carries a DOCTYPE that declares an entity it never uses
      When the response is posted to the SP
      Then the SP signs nobody in

    @id:SAML-XML-07 @must @cwe-611 @core
    Scenario: The SP does not fetch the external entities a DOCTYPE declares
      Given the response declares external entities at a URL the harness watches
      When the response is posted to the SP
      Then the SP fetches nothing the DOCTYPE names

  Rule: Elements are what their namespace says, whatever their prefix

    @id:SAML-XML-04 @must @saml-core-1.2 @core
    Scenario: An assertion in a look-alike namespace does not sign the victim in
      Given the attacker binds the saml prefix to a look-alike namespace to claim to be the victim
      When the response is posted to the SP
      Then the victim is not signed in

  Rule: An oversized message costs the SP a refusal, not an outage

    @id:SAML-XML-05 @should @saml-bindings-3.5.4 @core
    Scenario: A response padded to 2 MB is answered without a server error
      Given the response is padded to 2 MB
      When the response is posted to the SP
      Then the SP answers without a server error
