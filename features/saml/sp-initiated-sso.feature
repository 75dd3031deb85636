@saml @saml-profiles-4.1
Feature: SP-initiated single sign-on
  A user who starts at the service provider is sent to the identity provider with an AuthnRequest over the
  HTTP-Redirect binding and comes back with a signed Response over the HTTP-POST binding.

  Background:
    Given the reference SP has a tenant "acme" with the generic profile
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant

  @saml-bindings-3.4 @saml-bindings-3.5 @saml-profiles-4.1.4.1
  Scenario: A user who starts at the SP is signed in
    When "alice@example.com" signs in starting at the SP
    Then the SP signs "alice@example.com" in
    And the Response answers the SP's AuthnRequest

  @saml-bindings-3.4.4.1
  Scenario: A signed AuthnRequest is verified by the IdP
    Given the tenant signs its AuthnRequests
    When "alice@example.com" signs in starting at the SP
    Then the SP signs "alice@example.com" in
    And the IdP verified the signature of the AuthnRequest

  @saml-bindings-3.4.4.1
  Scenario: An AuthnRequest signed with a key the IdP does not trust is refused by the IdP
    Given the tenant signs its AuthnRequests with a key the IdP does not know
    When "alice@example.com" signs in starting at the SP
    Then the IdP refuses the AuthnRequest with "request/signature-invalid"

  @saml-profiles-4.1.4.3
  Scenario: A Response to a request the SP never sent is refused
    Given the IdP answers an AuthnRequest the SP never sent
    When "alice@example.com" signs in starting at the SP
    Then the SP rejects the sign-in with "in-response-to/unknown"

  @saml-profiles-4.1.4.3
  Scenario: A Response to a sign-in started in one browser is refused from another
    Given "alice@example.com" is signed in by the IdP but the browser is slow to post
    When another browser posts that response
    Then the SP rejects the sign-in with "in-response-to/other-browser"

