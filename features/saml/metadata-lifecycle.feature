@saml @saml-metadata
Feature: The SP trusts the IdP's metadata only as its publisher allows
  An IdP publishes its metadata with how long it may be cached (cacheDuration) and when it stops being valid
  (validUntil), and may sign it. The reference SP follows the metadata URL no less often than the document
  asks (its own refresh interval stays the upper bound), refuses metadata past its validUntil, and, when the
  tenant names the certificate that signs the metadata, refuses metadata that is unsigned, signed by anyone
  else or changed since. Entra's and Okta's metadata, as those vendors publish it, import as they are.

  Background:
    Given the reference SP has a tenant "acme" with the generic profile
    And the user "alice@example.com" exists in the tenant

  Rule: The SP fetches the metadata again once its cacheDuration has passed

    @saml-metadata-2.3.2 @saml-metadata-4.3.1
    Scenario: A key the IdP published after start-up is trusted once the cacheDuration has passed
      Given the IdP publishes metadata with a cacheDuration of "PT2H"
      And the tenant follows the IdP's metadata URL, fetched again at most every 24 hours
      And "alice@example.com" has signed in starting at the SP
      And the IdP publishes a new signing key next to its current one
      And the IdP starts signing with its new key
      When 2 hours pass
      And "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in

    @saml-metadata-4.3.1
    Scenario: Without a cacheDuration the SP waits for its own refresh interval
      Given the tenant follows the IdP's metadata URL, fetched again at most every 24 hours
      And "alice@example.com" has signed in starting at the SP
      And the IdP publishes a new signing key next to its current one
      And the IdP starts signing with its new key
      When 2 hours pass
      And "alice@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "signature/invalid"

  Rule: Metadata past its validUntil is not trusted

    @saml-metadata-2.3.2
    Scenario: Expired metadata is refused at start-up
      Given the IdP publishes metadata whose validUntil has passed
      And the tenant follows the IdP's metadata URL, fetched again at most every 24 hours
      When the reference SP loads its configuration
      Then the configuration is refused with "metadata/expired" at "tenants[0].saml.idp.metadataUrl"

    @saml-metadata-2.3.2
    Scenario: Sign-ins are refused once the metadata expires and the IdP publishes no fresh copy
      Given the IdP publishes metadata that is valid for 2 hours
      And the tenant follows the IdP's metadata URL, fetched again at most every 24 hours
      And the tenant accepts IdP-initiated sign-in
      And "alice@example.com" has signed in starting at the SP
      When 3 hours pass
      And "alice@example.com" signs in from the IdP's portal
      Then the SP rejects the sign-in with "metadata/expired"

    @saml-metadata-2.3.2
    Scenario: Metadata that is still valid keeps signing users in
      Given the IdP publishes metadata that is valid for 4 hours
      And the tenant follows the IdP's metadata URL, fetched again at most every 24 hours
      And the tenant accepts IdP-initiated sign-in
      And "alice@example.com" has signed in starting at the SP
      When 3 hours pass
      And "alice@example.com" signs in from the IdP's portal
      Then the SP signs "alice@example.com" in

    @saml-metadata-2.3.2
    Scenario: The SP judges its metadata's validity at start-up by the same clock as its sign-ins
      Given the clock reads "2020-01-01T00:00:00Z"
      And the IdP publishes metadata that is valid for 4 hours
      And the tenant follows the IdP's metadata URL, fetched again at most every 24 hours
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in

  Rule: Signed metadata is verified against the certificate the tenant names

    @saml-metadata-3
    Scenario: Metadata signed by the named certificate is trusted
      Given the IdP signs its published metadata
      And the tenant follows the IdP's metadata URL, fetched again at most every 24 hours
      And the tenant requires the IdP's metadata to be signed by the IdP's signing certificate
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in

    @saml-metadata-3
    Scenario: Unsigned metadata is refused when the tenant requires a signature
      Given the tenant follows the IdP's metadata URL, fetched again at most every 24 hours
      And the tenant requires the IdP's metadata to be signed by the IdP's signing certificate
      When the reference SP loads its configuration
      Then the configuration is refused with "metadata/signature-missing" at "tenants[0].saml.idp.metadataUrl"

    @saml-metadata-3.1
    Scenario: Metadata signed by another certificate is refused
      Given the IdP signs its published metadata
      And the tenant follows the IdP's metadata URL, fetched again at most every 24 hours
      And the tenant requires the IdP's metadata to be signed by another certificate
      When the reference SP loads its configuration
      Then the configuration is refused with "metadata/signature-invalid" at "tenants[0].saml.idp.metadataUrl"

    @saml-metadata-3.1
    Scenario: Signed metadata changed after signing is refused
      Given the IdP signs its published metadata
      And the tenant imports the IdP's signed metadata, changed after signing to send sign-ins elsewhere
      When the reference SP loads its configuration
      Then the configuration is refused with "metadata/signature-invalid" at "tenants[0].saml.idp.metadataXml"

  Rule: Entra's and Okta's federation metadata import as those vendors publish it

    @saml-metadata-2.4.3 @seed-ninjaone
    Scenario: Entra's federation metadata, with its WS-Federation role descriptors and two signing keys
      Given the tenant imports Entra's federation metadata
      And the tenant requires Entra's metadata to be signed by its token-signing certificate
      When the reference SP loads its configuration
      Then the tenant trusts the IdP "https://sts.windows.net/8d3e6f5a-2b1c-4e7d-9a0f-6c5b4a3d2e1f/" with 2 signing certificates and signs in at "https://login.microsoftonline.com/8d3e6f5a-2b1c-4e7d-9a0f-6c5b4a3d2e1f/saml2"

    @saml-metadata-2.4.3 @seed-sonarqube
    Scenario: Okta's app metadata, with its NameID formats and both bindings
      Given the tenant imports Okta's federation metadata
      When the reference SP loads its configuration
      Then the tenant trusts the IdP "http://www.okta.com/exk1q2w3e4r5t6y7u8i9" with 1 signing certificate and signs in at "https://dev-41270735.okta.com/app/dev-41270735_sonarqube_1/exk1q2w3e4r5t6y7u8i9/sso/saml"
