@oidc @oidc-rp-initiated-logout-1.0
Feature: RP-initiated logout ends the session at the SP and at the OP
  OpenID Connect RP-Initiated Logout 1.0 §2: the relying party sends the browser to the OP's end_session_endpoint
  with the ID token as "id_token_hint" and a registered "post_logout_redirect_uri"; the OP ends its session and
  sends the browser back (§3).

  Background:
    Given the reference SP has a tenant "acme" with the generic profile signing in with OpenID Connect
    And the tenant signs in at the mock OP's generic issuer
    And the user "alice@example.com" exists in the OpenID Connect tenant
    And "alice@example.com" picks their name on the OP's login page

  Scenario: Signing out ends the SP session and the OP session
    When the user signs out of the SP
    Then the browser is back at the SP's post-logout page
    And the SP has no OpenID Connect session
    And the OP asks the browser to sign in again at the next sign-in

  Scenario: Without signing out, the OP signs the user in again without its page
    Then the OP signs the browser in again without its login page
