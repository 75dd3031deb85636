@certify-saml
Feature: Attributes — what the SP's metadata requires is present, or nobody signs in
  The SP's metadata lists the attributes it needs (md:RequestedAttribute, isRequired="true"). A response without
  one of them, or with it misspelled (Particle's "emailaddress" for "email"), must be refused with an error a
  person can act on, never signed in with empty profile fields. An SP whose metadata requires no attribute skips
  this feature.

  @id:SAML-ATTR-01 @must @saml-metadata-2.4.4.1 @core
  Scenario: A response without a required attribute signs nobody in
    Given the IdP leaves out an attribute the SP's metadata requires
    When the response is posted to the SP
    Then the SP signs nobody in

  @id:SAML-ATTR-02 @must @saml-metadata-2.4.4.1 @core
  Scenario: A response with a required attribute misspelled signs nobody in
    Given the IdP misspells an attribute the SP's metadata requires
    When the response is posted to the SP
    Then the SP signs nobody in

  @id:SAML-ATTR-03 @should @saml-metadata-2.4.4.1 @core
  Scenario: A response with a required attribute left empty signs nobody in
    Given the IdP sends an attribute the SP's metadata requires with an empty value
    When the response is posted to the SP
    Then the SP signs nobody in
