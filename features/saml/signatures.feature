@saml @saml-core-5
Feature: Signed responses and assertions
  The SP requires the signatures its tenant is configured for, verifies them against the trusted IdP
  certificate, and refuses algorithms it does not allow.

  Background:
    Given the reference SP has a tenant "acme" with the generic profile
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant

  Rule: Every signing placement and algorithm the SP allows is accepted

    @saml-core-5.4
    Scenario Outline: The IdP signs the <placement> with RSA-<algorithm>
      Given the tenant requires the <requirement> to be signed
      And the tenant accepts SHA-1 signatures
      And the IdP signs the <placement> with RSA-<algorithm>
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in

      Examples:
        | placement                 | algorithm | requirement |
        | response                  | SHA1      | response    |
        | response                  | SHA256    | response    |
        | response                  | SHA512    | response    |
        | assertion                 | SHA1      | assertion   |
        | assertion                 | SHA256    | assertion   |
        | assertion                 | SHA512    | assertion   |
        | response and assertion    | SHA1      | assertion   |
        | response and assertion    | SHA256    | assertion   |
        | response and assertion    | SHA512    | assertion   |

  Rule: A missing, wrong or forged signature is refused

    Scenario: An unsigned response is refused
      Given the IdP does not sign the response
      When "alice@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "signature/missing"

    Scenario: A response signed only where the tenant does not look is refused
      Given the tenant requires the assertion to be signed
      And the IdP signs the response with RSA-SHA256
      When "alice@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "signature/missing"

    Scenario: A response signed by a key the SP does not trust is refused
      Given the IdP signs with a key the SP does not trust
      When "alice@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "signature/invalid"

    Scenario: A response changed after it was signed is refused
      Given the IdP changes the assertion after signing it
      When "alice@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "signature/invalid"

    Scenario: SHA-1 signatures are refused where the tenant forbids them
      Given the tenant refuses SHA-1 signatures
      And the IdP signs the assertion with RSA-SHA1
      When "alice@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "signature/algorithm-refused"

  Rule: Only the XML the signature covers is trusted (XML signature wrapping)

    Scenario Outline: A signature-wrapping attack of type <attack> is refused
      Given the user "mallory@example.com" exists in the tenant
      And an attacker wraps the signed assertion using <attack> to claim to be "mallory@example.com"
      When "alice@example.com" signs in starting at the SP
      Then the SP refuses the sign-in
      And nobody is signed in as "mallory@example.com"

      Examples:
        | attack |
        | XSW1   |
        | XSW2   |
        | XSW3   |
        | XSW4   |
        | XSW5   |
        | XSW6   |
        | XSW7   |
        | XSW8   |
