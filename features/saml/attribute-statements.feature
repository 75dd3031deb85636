@saml @saml-core-2.7.3
Feature: The attributes the IdP sends
  An IdP admin decides which attributes an SP gets, under which names, in which NameFormat and with how many
  values (SAML Core §2.7.3.1). These steps change what the mock IdP sends any SP; each one fails when it names an
  attribute the IdP does not send, so it can never leave the assertion as it was.

  Background:
    Given the reference SP has a tenant "acme" with the generic profile
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant

  Scenario: A renamed attribute reaches the SP under its new name only
    Given the IdP sends the attribute "mail" instead of "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"
    When "alice@example.com" signs in starting at the SP
    Then the SP received the attribute "mail" with the values "alice@example.com"
    And the SP received no attribute "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"

  Scenario: An attribute the admin leaves out does not reach the SP
    Given the IdP sends the attributes "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress" and "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"
    When "alice@example.com" signs in starting at the SP
    Then the SP received the attribute "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress" with the values "alice@example.com"
    And the SP received no attribute "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname"

  Scenario: An attribute with several values reaches the SP with all of them
    Given the IdP also sends the attribute "roles" with the values "admin", "auditor" and "billing"
    When "alice@example.com" signs in starting at the SP
    Then the SP received the attribute "roles" with the values "admin", "auditor" and "billing"

  Scenario: An attribute's values can be set whoever signs in
    Given the IdP names its claims the way Okta does
    And the IdP sends the attribute "groups" with the values "engineering" and "on-call"
    When "alice@example.com" signs in starting at the SP
    Then the SP received the attribute "groups" with the values "engineering" and "on-call"

  Scenario: The IdP sends an attribute in the NameFormat its admin chose
    Given the IdP names its claims the way Okta does
    And the IdP sends the attribute "email" with NameFormat basic
    When "alice@example.com" signs in starting at the SP
    Then the SP signs "alice@example.com" in
    And the posted assertion names the attribute "email" with NameFormat basic
