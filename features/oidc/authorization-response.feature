@oidc
Feature: The SP refuses an authorization response it cannot bind to its own request
  The browser carries the authorization request to the OP and the response back: the SP binds them with the
  state (OIDC Core §3.1.2.7, RFC 6749 §10.12), checks that the response comes from the issuer it asked (RFC 9207
  §2.4, the mix-up defence) and proves at the token endpoint that it sent the request (RFC 7636 §4.6, PKCE).

  Background:
    Given the reference SP has a tenant "acme" with the generic profile signing in with OpenID Connect
    And the tenant signs in at the mock OP's generic issuer
    And the user "alice@example.com" exists in the OpenID Connect tenant

  @oidc-core-3.1.2.7 @rfc6749-10.12
  Scenario Outline: An authorization response whose state <deviation> is refused
    Given the OP's next authorization response <deviation>
    When "alice@example.com" signs in with OpenID Connect
    Then the SP refuses the OpenID Connect sign-in with "oidc/state"

    Examples:
      | deviation                |
      | does not echo the state  |
      | alters the state         |

  @oidc-core-3.1.2.7
  Scenario: An authorization response replayed a second time is refused
    Given "alice@example.com" signed in with OpenID Connect before
    When the browser returns the same authorization response to the SP again
    Then the SP refuses the OpenID Connect sign-in with "oidc/state"

  @rfc9207-2.4
  Scenario: An authorization response that names another issuer is refused (mix-up)
    Given the OP's next authorization response names another issuer
    When "alice@example.com" signs in with OpenID Connect
    Then the SP refuses the OpenID Connect sign-in with "oidc/mix-up"

  @rfc6749-5.2 @rfc9700-4.4
  Scenario: A code minted by another issuer is refused by this issuer's token endpoint
    Given the OP's next authorization response carries a code minted by another issuer
    When "alice@example.com" signs in with OpenID Connect
    Then the SP refuses the OpenID Connect sign-in with "oidc/token-refused"

  @rfc7636-4.6
  Scenario: A code obtained for another code challenge is refused by the OP's token endpoint
    Given the authorization request's code challenge is replaced on its way to the OP
    When "alice@example.com" signs in with OpenID Connect
    Then the SP refuses the OpenID Connect sign-in with "oidc/token-refused"

