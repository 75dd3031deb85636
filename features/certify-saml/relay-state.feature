@certify-saml
Feature: RelayState — the SP sends the browser only to its own pages
  RelayState comes back from the IdP unprotected: whoever crafts a sign-in link chooses it. An SP that follows it
  to another site after a sign-in is an open redirect (CWE-601) that lends the SP's name to phishing. Browsers read
  "//host" and "/\host" as another host.

  @id:SAML-RELAY-01 @must @saml-bindings-3.5.3 @core
  Scenario: A protocol-relative RelayState is not followed to another site
    Given the response carries the RelayState "//evil.example/phish"
    When the response is posted to the SP
    Then the SP keeps the browser on its own site

  @id:SAML-RELAY-02 @must @saml-bindings-3.5.3 @core
  Scenario: A backslash RelayState is not followed to another site
    Given the response carries the RelayState "/\evil.example/phish"
    When the response is posted to the SP
    Then the SP keeps the browser on its own site

  @id:SAML-RELAY-03 @must @saml-bindings-3.5.3 @core
  Scenario: An absolute RelayState to another site is not followed
    Given the response carries the RelayState "https://evil.example/phish"
    When the response is posted to the SP
    Then the SP keeps the browser on its own site
