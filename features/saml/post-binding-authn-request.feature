@saml @saml-bindings-3.5
Feature: AuthnRequests sent by HTTP-POST, signed inside the XML
  A tenant may send its AuthnRequest by HTTP-POST instead of HTTP-Redirect (SAML Bindings §3.5): the SP's login
  answers a form that posts itself to the IdP, and the signature is an enveloped XML signature inside the request
  (SAML Core §5.4), not a query-string parameter. The mock IdP verifies it against the SP's certificate from its
  metadata; a request changed on the way is refused with its code, and nobody is signed in.

  Background:
    Given the reference SP has a tenant "acme" with the generic profile
    And the tenant trusts the mock IdP through its metadata
    And the user "ada.lovelace@example.com" exists in the tenant
    And the tenant signs its AuthnRequests
    And the tenant sends its AuthnRequests by HTTP-POST

  Scenario: A signed POST AuthnRequest is accepted and the user signs in
    When "ada.lovelace@example.com" signs in at the IdP with a password
    Then the AuthnRequest went by HTTP-POST with its signature inside the XML
    And the SP signs "ada.lovelace@example.com" in

  Scenario: A POST AuthnRequest changed on its way to the IdP is refused by the IdP
    Given someone changes the AuthnRequest on its way to the IdP
    When the browser starts a sign-in at the SP
    Then the IdP refuses the AuthnRequest with "request/signature-invalid"

  Scenario: The POST binding carries the request options too: a passive request without a session gets NoPassive
    Given the tenant asks the IdP not to show the user anything
    When the browser starts a sign-in at the SP
    Then the AuthnRequest went by HTTP-POST with its signature inside the XML
    And the SP rejects the sign-in with "status/no-passive"
