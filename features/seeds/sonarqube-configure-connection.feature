@saml @seed-sonarqube
Feature: SonarQube Cloud's Configure Connection: the Metadata URL (Automatic tab) or the login URL and certificate (Manual tab)
  SonarQube's guide, Custom SAML, "2. Configure Connection": "The operation is different depending on whether your
  identity provider supports the SAML metadata URL field (URL used by SonarQube Cloud to access metadata
  information) or not. Metadata URL supported: … Paste it into the Metadata URL field in the Automatic tab …
  Metadata URL not supported: In the assistant, select the Manual tab … copy the value of the SSO login URL field
  and paste it into Single Sign-On Login URL … download the certificate and upload it to the assistant."
  With the Automatic tab the SP reads the IdP from its published metadata and fetches it again when it is older
  than the tenant's idp.metadataRefreshSeconds, so it follows a certificate rollover; a certificate uploaded by
  hand does not.

  Background:
    Given the reference SP has a tenant "sonar" with the SonarQube profile
    And the user "alice@example.com" exists in the tenant

  Rule: Automatic tab: the SP reads the IdP from its Metadata URL, and reads it again

    Scenario: The Metadata URL gives the SP the IdP's SSO URL and signing certificate
      Given the tenant's Metadata URL is the IdP's published metadata (Automatic tab)
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in
      And the SP has fetched the IdP's metadata 1 times

    Scenario: After the IdP rolls its certificate over, the SP trusts the new one once the metadata is fetched again
      Given the tenant's Metadata URL is the IdP's published metadata (Automatic tab)
      And the tenant fetches the IdP's metadata again every 24 hours
      And "alice@example.com" has signed in starting at the SP
      When the IdP rolls its signing certificate over to a new key
      And 24 hours pass
      And "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in
      And the SP has fetched the IdP's metadata 2 times

    Scenario: Until the metadata is due again, a response signed with the new key is refused
      Given the tenant's Metadata URL is the IdP's published metadata (Automatic tab)
      And the tenant fetches the IdP's metadata again every 24 hours
      And "alice@example.com" has signed in starting at the SP
      When the IdP rolls its signing certificate over to a new key
      And 23 hours pass
      And "alice@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "signature/invalid"
      And the SP has fetched the IdP's metadata 1 times

    Scenario: A Metadata URL that stops answering leaves the last metadata in force
      Given the tenant's Metadata URL is the IdP's published metadata (Automatic tab)
      And the tenant fetches the IdP's metadata again every 24 hours
      And "alice@example.com" has signed in starting at the SP
      When the IdP's metadata URL stops answering
      And 24 hours pass
      And "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in
      And the SP has fetched the IdP's metadata 2 times

  Rule: Manual tab: the Single Sign-On Login URL and the certificate, given by hand, stay as given

    Scenario: The login URL and the uploaded certificate sign the user in
      Given the tenant is given the mock IdP's SSO URL and certificate by hand
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in

    Scenario: A certificate given by hand does not follow the IdP's rollover
      Given the tenant is given the mock IdP's SSO URL and certificate by hand
      And "alice@example.com" has signed in starting at the SP
      When the IdP rolls its signing certificate over to a new key
      And 24 hours pass
      And "alice@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "signature/invalid"
