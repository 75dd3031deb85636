@saml @xmlenc-core
Feature: Encrypted assertions
  The IdP encrypts the assertion to the SP's certificate; the SP decrypts it with its own key before any other
  check. Every data-encryption and key-transport algorithm that Okta and Entra offer is covered.

  Background:
    Given the reference SP has a tenant "acme" with the generic profile
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant

  @saml-core-2.3.4
  Scenario Outline: An assertion encrypted with <data> and <transport> is decrypted and accepted
    Given the IdP encrypts the assertion with <data> and <transport>
    When "alice@example.com" signs in from the IdP's portal
    Then the SP signs "alice@example.com" in

    Examples:
      | data       | transport |
      | AES128-CBC | RSA-OAEP  |
      | AES256-CBC | RSA-OAEP  |
      | AES128-GCM | RSA-OAEP  |
      | AES256-GCM | RSA-OAEP  |
      | AES128-CBC | RSA-1_5   |
      | AES256-CBC | RSA-1_5   |
      | AES128-GCM | RSA-1_5   |
      | AES256-GCM | RSA-1_5   |

  Scenario: An assertion encrypted to another SP's certificate is refused
    Given the IdP encrypts the assertion to a certificate that is not the SP's
    When "alice@example.com" signs in from the IdP's portal
    Then the SP rejects the sign-in with "decryption/failed"
