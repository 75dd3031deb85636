@oidc @oidc-core-3.1.3.7
Feature: The SP refuses an ID token that fails OpenID Connect's validation rules
  OIDC Core §3.1.3.7 lists what a relying party checks in the ID token of the authorization code flow, in order:
  the issuer (step 2), the audience (step 3), the signature with the algorithm agreed at registration (steps 6–8,
  and RFC 8725 §3.1: never "none", never an HMAC keyed with the public key), the expiry (step 9), the issue
  time (step 10) and the nonce the SP sent (step 11). Each deviation below breaks one rule, once, in an ID token
  the OP otherwise issues correctly; the SP refuses it with a stable code and nobody is signed in.

  Background:
    Given the reference SP has a tenant "acme" with the generic profile signing in with OpenID Connect
    And the tenant signs in at the mock OP's generic issuer
    And the user "alice@example.com" exists in the OpenID Connect tenant

  Scenario Outline: An ID token that <deviation> is refused with "<code>"
    Given the OP's next ID token <deviation>
    When "alice@example.com" signs in with OpenID Connect
    Then the SP refuses the OpenID Connect sign-in with "<code>"
    And the SP has no OpenID Connect session

    Examples:
      | deviation                                         | code              |
      | names another issuer                              | oidc/iss-mismatch |
      | is addressed to another client                    | oidc/aud-mismatch |
      | has expired                                       | oidc/expired      |
      | was issued in the future                          | oidc/iat-future   |
      | carries no nonce                                  | oidc/nonce        |
      | is unsigned, with the algorithm "none"            | oidc/alg-refused  |
      | is signed with HS256 keyed with the OP's public key | oidc/alg-refused  |
      | is signed with a key the OP does not publish      | oidc/unknown-kid  |

  @oidc-core-3.1.3.7 @oidc-core-15.5.2
  Scenario: An ID token that replays the nonce of an earlier sign-in is refused
    Given "alice@example.com" signed in with OpenID Connect before
    And the OP's next ID token replays the nonce of the previous sign-in
    When "alice@example.com" signs in with OpenID Connect
    Then the SP refuses the OpenID Connect sign-in with "oidc/nonce"

  Scenario: The same ID token, unaltered, signs the user in
    When "alice@example.com" signs in with OpenID Connect
    Then the SP signs "alice@example.com" in with OpenID Connect
