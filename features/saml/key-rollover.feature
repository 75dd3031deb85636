@saml @saml-metadata
Feature: Signing key rollover
  An IdP changes its signing key without locking anyone out: it publishes the new key next to the current one,
  starts signing with it once relying parties had time to fetch the metadata, then retires the old key. The
  reference SP trusts every signing key the metadata it holds publishes, so it accepts either key during the
  rollover, and only the new one once the IdP retired the old key and the SP fetched the metadata again.

  Background:
    Given the reference SP has a tenant "acme" with the generic profile
    And the user "alice@example.com" exists in the tenant
    And the tenant follows the IdP's metadata URL, fetched again at most every 24 hours
    And "alice@example.com" has signed in starting at the SP

  Rule: During a rollover the SP accepts the current key and the published new one

    @saml-metadata-2.4.1.1
    Scenario: The current key still signs while the new one is published
      Given the IdP publishes a new signing key next to its current one
      And 24 hours pass
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in

    @saml-metadata-2.4.1.1
    Scenario: The new key is accepted as soon as it signs, without waiting for another refresh
      Given the IdP publishes a new signing key next to its current one
      And 24 hours pass
      And the IdP starts signing with its new key
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in

    @saml-metadata-2.4.1.1
    Scenario: A key the SP has not fetched yet is not trusted
      Given the IdP publishes a new signing key next to its current one
      And the IdP starts signing with its new key
      When "alice@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "signature/invalid"

  Rule: After the IdP retires the old key and the SP refreshes, only the new key is accepted

    @saml-metadata-2.4.1.1
    Scenario: The retired key is refused once the SP has fetched the metadata again
      Given the IdP publishes a new signing key next to its current one
      And 24 hours pass
      And the IdP starts signing with its new key
      And the IdP retires its old signing key
      And 24 hours pass
      When a response signed with the IdP's retired key is posted for "alice@example.com"
      Then the SP rejects the sign-in with "signature/invalid"

    @saml-metadata-2.4.1.1
    Scenario: The new key keeps signing users in after the retirement
      Given the IdP publishes a new signing key next to its current one
      And 24 hours pass
      And the IdP starts signing with its new key
      And the IdP retires its old signing key
      And 24 hours pass
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in

    @saml-metadata-2.4.1.1
    Scenario: Until the SP fetches the metadata again, the retired key is still trusted
      Given the IdP publishes a new signing key next to its current one
      And 24 hours pass
      And "alice@example.com" has signed in starting at the SP
      And the IdP starts signing with its new key
      And the IdP retires its old signing key
      When a response signed with the IdP's retired key is posted for "alice@example.com"
      Then the SP signs "alice@example.com" in
