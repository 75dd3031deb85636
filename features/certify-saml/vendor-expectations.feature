@certify-saml
Feature: Vendor expectations — what Entra ID, Okta and the seed vendors' guides expect of an SP
  The IdPs customers use sign in their own way, and the seed vendors' set-up guides state what their SP accepts.

  @id:SAML-VENDOR-01 @should @entra @saml-profiles-4.1.3.5
  Scenario: A response signed like Microsoft Entra ID's default (assertion only, RSA-SHA256) signs the user in
    Given the IdP signs only the assertion, with RSA-SHA256
    When the response is posted to the SP
    Then the SP signs the user in

  @id:SAML-VENDOR-02 @should @okta @saml-profiles-4.1.3.5
  Scenario: A response signed like Okta's default (Response and assertion, RSA-SHA256) signs the user in
    Given the IdP signs the Response and the assertion with RSA-SHA256
    When the response is posted to the SP
    Then the SP signs the user in

  @id:SAML-VENDOR-03 @should @seed-sonarqube @saml-metadata-2.4.4 @core
  Scenario: The SP's metadata lists exactly one ACS URL
    Then the SP's metadata lists exactly one ACS URL

  @id:SAML-VENDOR-04 @should @seed-sonarqube @saml-profiles-4.1.5 @core
  Scenario: An SP that starts its own sign-ins refuses an IdP-initiated response
    Given the IdP starts the sign-in itself, unsolicited
    When the response is posted to the SP
    Then the SP signs nobody in
