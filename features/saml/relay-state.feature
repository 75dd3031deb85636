@saml @saml-bindings-3.5.3
Feature: Where the browser goes after sign-in (RelayState)
  RelayState comes back from the IdP as it was sent, but in IdP-initiated sign-in, or from anyone who posts to
  the ACS, it is whatever the sender chose. The SP follows it only to a page of its own origin, resolved the way
  a browser resolves a URL; anything else is dropped and the user lands on the signed-in page (no open redirect).

  Background:
    Given the reference SP has a tenant "acme" with the generic profile
    And the tenant accepts IdP-initiated sign-in
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant

  Scenario: A page of the SP named by the SP itself is where the browser lands
    When "alice@example.com" signs in starting at the SP to return to "/apps/dashboard?tab=2"
    Then the browser is sent to "/apps/dashboard?tab=2" on the SP

  Scenario: A page of the SP set as the IdP tile's RelayState is where the browser lands
    When "alice@example.com" signs in from the IdP's portal, which sends the RelayState "/apps/reports"
    Then the browser is sent to "/apps/reports" on the SP

  Scenario Outline: A RelayState that would take the browser off the SP is dropped: <trick>
    When "alice@example.com" signs in from the IdP's portal, which sends the RelayState "<relay state>"
    Then the browser stays on the SP, where "alice@example.com" is signed in

    Examples:
      | trick                                           | relay state                  |
      | a backslash browsers read as a slash            | /\evil.example/              |
      | a protocol-relative URL                         | //evil.example/              |
      | two backslashes                                 | \\\\evil.example             |
      | an absolute URL                                 | http://evil.example/         |
      | a javascript: URL                               | javascript:alert(1)          |
      | the SP's host on another port                   | HTTPS://127.0.0.1:1/         |

  Scenario: A percent-encoded backslash stays a path of the SP
    When "alice@example.com" signs in from the IdP's portal, which sends the RelayState "/%5Cevil.example/"
    Then the browser is sent to "/%5Cevil.example/" on the SP
