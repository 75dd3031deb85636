@saml @xmlenc-core1
Feature: Encrypted assertions
  The IdP encrypts the assertion to the SP's certificate; the SP decrypts it with its own key. Which ciphers and
  key transports the SP accepts is a tenant policy checked before any decryption. AES-CBC is accepted by default
  because Entra ID encrypts SAML tokens with AES-256-CBC; RSA-1_5 key transport is never accepted (it is open to
  Bleichenbacher-style attacks, and Node 20 refuses PKCS#1 v1.5 decryption).

  Background:
    Given the reference SP has a tenant "acme" with the generic profile
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant

  Rule: Every cipher Okta and Entra offer is accepted with RSA-OAEP key transport

    @saml-core-2.3.4 @xmlenc-core1-5.2
    Scenario Outline: An assertion encrypted with <data> and RSA-OAEP is decrypted and accepted
      Given the IdP encrypts the assertion with <data> and RSA-OAEP
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in

      Examples:
        | data       |
        | AES128-CBC |
        | AES256-CBC |
        | AES128-GCM |
        | AES256-GCM |

  Rule: Refused algorithms and foreign keys are refused with a reason

    @xmlenc-core1-5.5
    Scenario Outline: RSA-1_5 key transport is refused whatever the cipher (<data>)
      Given the IdP encrypts the assertion with <data> and RSA-1_5
      When "alice@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "decryption/algorithm-refused"

      Examples:
        | data       |
        | AES128-CBC |
        | AES256-CBC |
        | AES128-GCM |
        | AES256-GCM |

    @xmlenc-core1-6.1.2
    Scenario: A tenant that accepts only AES-GCM refuses AES-CBC
      Given the tenant accepts only AES-GCM content encryption
      And the IdP encrypts the assertion with AES256-CBC and RSA-OAEP
      When "alice@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "decryption/algorithm-refused"

    Scenario: An assertion encrypted to another SP's certificate is refused
      Given the IdP encrypts the assertion to a certificate that is not the SP's
      When "alice@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "decryption/failed"

  Rule: Every failure to decrypt gets the same answer, so the ACS is no decryption oracle

    The Response here is unsigned, so nothing but the SP's key stands between an attacker's changed ciphertext
    and the decryption step. Bad padding, a bad tag and a plaintext that decrypts but is not an acceptable
    assertion must be indistinguishable: same code, same status, same page, no decrypted text.

    @xmlenc-core1-6.1.2
    Scenario Outline: An assertion whose ciphertext was changed so that the IdP <corruption> gets the one decryption answer
      Given the IdP signs the assertion with RSA-SHA256
      And the IdP encrypts the assertion with <data> and RSA-OAEP but <corruption>
      When "alice@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "decryption/failed"
      And the error page says "the EncryptedAssertion cannot be decrypted by this SP"

      Examples:
        | data       | corruption                                    |
        | AES256-CBC | breaks the CBC padding                        |
        | AES128-CBC | breaks the CBC padding                        |
        | AES256-CBC | encrypts text that is not XML                 |
        | AES256-CBC | encrypts an assertion that is not well-formed |
        | AES256-GCM | breaks the GCM tag                            |
        | AES256-GCM | encrypts an assertion that is not well-formed |
