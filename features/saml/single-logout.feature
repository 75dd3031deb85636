@saml @saml-profiles-4.4
Feature: Single Logout
  A user signed in to several service providers through one identity provider session signs out once, at an
  SP or at the IdP, and is signed out of every one of them. Each side authenticates the other's logout messages
  and refuses a message it cannot trust with a stable code.

  Background:
    Given the reference SP has a tenant "acme" with the generic profile
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant
    And the reference SP has a tenant "beta" with the generic profile
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant

  Rule: Signing out at one SP signs the user out of every SP of the IdP session

    @saml-profiles-4.4.3.1 @saml-profiles-4.4.3.3 @saml-bindings-3.4
    Scenario: Signing out at an SP by HTTP-Redirect signs the user out of the other SP too
      Given "alice@example.com" is signed in to "acme" and "beta" through the IdP
      When "alice@example.com" signs out at "acme"
      Then "alice@example.com" is signed out of "acme"
      And "alice@example.com" is signed out of "beta"
      And the IdP received the LogoutRequest by HTTP-Redirect
      And the SP reports that the IdP signed the user out everywhere
      And the IdP has no session for "alice@example.com"

    @saml-profiles-4.4.3.1 @saml-bindings-3.5
    Scenario: Signing out at an SP by HTTP-POST signs the user out of the other SP too
      Given the tenant "acme" sends its logout messages by HTTP-POST
      And "alice@example.com" is signed in to "acme" and "beta" through the IdP
      When "alice@example.com" signs out at "acme"
      Then "alice@example.com" is signed out of "acme"
      And "alice@example.com" is signed out of "beta"
      And the IdP received the LogoutRequest by HTTP-POST
      And the SP reports that the IdP signed the user out everywhere

    @saml-core-3.7.3.2
    Scenario: When another SP refuses to sign the user out, the SP that started is told the logout was partial
      Given "alice@example.com" is signed in to "acme" and "beta" through the IdP
      And the IdP's next LogoutRequest to "beta" is unsigned
      When "alice@example.com" signs out at "acme"
      Then "alice@example.com" is signed out of "acme"
      And "alice@example.com" is still signed in to "beta"
      And the SP reports a partial logout

    @saml-core-3.7.3.2
    Scenario: An SP that never answers does not stop the sign-out
      Given "alice@example.com" is signed in to "acme" and "beta" through the IdP
      And "beta" never answers the IdP's LogoutRequest, so the user goes back to the IdP after a while
      When "alice@example.com" signs out at "acme"
      Then "alice@example.com" is signed out of "acme"
      And the SP reports a partial logout
      And the IdP records that "beta" did not answer

  Rule: Signing out at the IdP signs the user out of every SP of the session

    @saml-profiles-4.4.3.3
    Scenario: Signing out everywhere at the IdP signs the user out of both SPs
      Given "alice@example.com" is signed in to "acme" and "beta" through the IdP
      When "alice@example.com" signs out everywhere at the IdP
      Then "alice@example.com" is signed out of "acme"
      And "alice@example.com" is signed out of "beta"
      And the IdP reports that the user is signed out everywhere
      And the IdP has no session for "alice@example.com"

    @saml-bindings-3.5
    Scenario: The IdP delivers its LogoutRequest by HTTP-POST to an SP set up for it
      Given "alice@example.com" is signed in to "acme" and "beta" through the IdP
      And the IdP sends its logout messages to "beta" by HTTP-POST
      When "alice@example.com" signs out everywhere at the IdP
      Then "alice@example.com" is signed out of "beta"
      And "beta" received the IdP's LogoutRequest by HTTP-POST
      And the IdP reports that the user is signed out everywhere

  Rule: An SP refuses a LogoutRequest it cannot trust, and the IdP reports a partial logout

    @saml-profiles-4.4.4.1
    Scenario: An unsigned LogoutRequest from the IdP is refused
      Given "alice@example.com" is signed in to "acme" and "beta" through the IdP
      And the IdP's next LogoutRequest to "beta" is unsigned
      When "alice@example.com" signs out everywhere at the IdP
      Then "beta" refuses the IdP's LogoutRequest with "logout/signature-missing"
      And "alice@example.com" is still signed in to "beta"
      And "alice@example.com" is signed out of "acme"
      And the IdP reports a partial logout

    @saml-core-3.7.3.1
    Scenario: A LogoutRequest naming a session the SP does not have is refused
      Given "alice@example.com" is signed in to "acme" and "beta" through the IdP
      And the IdP's next LogoutRequest to "beta" names a session the SP does not have
      When "alice@example.com" signs out everywhere at the IdP
      Then "beta" refuses the IdP's LogoutRequest with "logout/session-index"
      And "alice@example.com" is still signed in to "beta"
      And the IdP reports a partial logout

    @saml-core-3.7.1
    Scenario: An expired LogoutRequest is refused
      Given "alice@example.com" is signed in to "acme" and "beta" through the IdP
      And the IdP's next LogoutRequest to "beta" has already expired
      When "alice@example.com" signs out everywhere at the IdP
      Then "beta" refuses the IdP's LogoutRequest with "logout/expired"
      And "alice@example.com" is still signed in to "beta"

    @saml-core-1.3.4
    Scenario: A replayed LogoutRequest is refused
      Given "alice@example.com" is signed in to "acme" and "beta" through the IdP
      And "alice@example.com" signs out everywhere at the IdP
      And "alice@example.com" is signed in to "acme" and "beta" through the IdP
      And the IdP's next LogoutRequest to "beta" repeats the previous one
      When "alice@example.com" signs out everywhere at the IdP
      Then "beta" refuses the IdP's LogoutRequest with "logout/replayed"
      And "alice@example.com" is still signed in to "beta"

  Rule: The IdP refuses a LogoutRequest it cannot trust

    @saml-profiles-4.4.4.1
    Scenario: A LogoutRequest stripped of its signature is refused by the IdP
      Given "alice@example.com" is signed in to "acme" and "beta" through the IdP
      When "alice@example.com" signs out at "acme" and the LogoutRequest is stripped of its signature on its way to the IdP
      Then the IdP refuses the LogoutRequest with "logout/signature-missing"
      And "alice@example.com" is still signed in to "beta"

    @saml-profiles-4.4.4.1
    Scenario: An altered LogoutRequest is refused by the IdP
      Given "alice@example.com" is signed in to "acme" and "beta" through the IdP
      When "alice@example.com" signs out at "acme" and the LogoutRequest is altered on its way to the IdP
      Then the IdP refuses the LogoutRequest with "logout/signature-invalid"
      And "alice@example.com" is still signed in to "beta"

    @saml-profiles-4.4.4.1
    Scenario: A LogoutRequest from an SP the IdP does not know is refused
      Given "alice@example.com" is signed in to "acme" and "beta" through the IdP
      When "alice@example.com" signs out at "acme" and the LogoutRequest is sent under an unknown issuer on its way to the IdP
      Then the IdP refuses the LogoutRequest with "logout/issuer"

    @saml-core-3.7.1
    Scenario: A LogoutRequest that reaches the IdP after it expired is refused
      Given "alice@example.com" is signed in to "acme" and "beta" through the IdP
      When "alice@example.com" signs out at "acme" and the LogoutRequest reaches the IdP 15m later
      Then the IdP refuses the LogoutRequest with "logout/expired"

    @saml-core-1.3.4
    Scenario: A LogoutRequest delivered twice is refused the second time
      Given "alice@example.com" is signed in to "acme" and "beta" through the IdP
      And "alice@example.com" signs out at "acme"
      When the SP's LogoutRequest is delivered to the IdP again
      Then the IdP refuses the LogoutRequest with "logout/replayed"

    @saml-profiles-4.4.4.1
    Scenario: A LogoutRequest for a session the IdP no longer has is refused
      Given "alice@example.com" is signed in to "acme" and "beta" through the IdP
      And the IdP's session for "alice@example.com" has ended
      When "alice@example.com" signs out at "acme"
      Then the IdP refuses the LogoutRequest with "logout/session-index"
