@saml @saml-profiles-4.1.5
Feature: IdP-initiated (unsolicited) single sign-on
  An identity provider may send a Response nobody asked for. Whether a service provider accepts it is a choice
  of its profile: SonarQube Cloud refuses IdP-initiated SSO; a generic tenant refuses it unless it is switched on.

  @saml-profiles-4.1.5
  Scenario: A tenant that allows unsolicited responses signs the user in
    Given the reference SP has a tenant "acme" with the generic profile
    And the tenant accepts IdP-initiated sign-in
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant
    When "alice@example.com" signs in from the IdP's portal
    Then the SP signs "alice@example.com" in

  Scenario: A generic tenant refuses unsolicited responses by default
    Given the reference SP has a tenant "acme" with the generic profile
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant
    When "alice@example.com" signs in from the IdP's portal
    Then the SP rejects the sign-in with "unsolicited/refused"

  @seed-sonarqube
  Scenario: SonarQube Cloud refuses IdP-initiated sign-in
    Given the reference SP has a tenant "sonar" with the SonarQube profile
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant
    When "alice@example.com" signs in from the IdP's portal
    Then the SP rejects the sign-in with "unsolicited/refused"

  @seed-datocms
  Scenario: DatoCMS accepts a sign-in that started at DatoCMS over HTTP-POST
    Given the reference SP has a tenant "dato" with the DatoCMS profile
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant
    When "alice@example.com" signs in starting at the SP
    Then the SP signs "alice@example.com" in

  @saml-profiles-4.1.4.2 @saml-profiles-4.1.4.3
  Scenario: A captured unsolicited assertion passed off as the answer to a request is refused
    Given the reference SP has a tenant "acme" with the generic profile
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant
    And the IdP signs the assertion with RSA-SHA256
    And an attacker has captured an assertion the IdP issued to "alice@example.com" unsolicited
    And the attacker has fetched a request ID from the SP's login URL in their own browser
    When the attacker posts the captured assertion in a Response claiming to answer that request
    Then the SP rejects the sign-in with "in-response-to/mismatch"
