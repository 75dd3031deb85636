@saml @seed-ninjaone
Feature: Trusting an IdP by importing its metadata
  NinjaOne's guide: "Under 'Import Metadata from:', select 'URL' and paste the URL (or choose 'File' or 'XML')".
  SonarQube's Manual tab takes an SSO URL and a certificate instead.
  The tenant's SSO is enabled from the start here (step 7's Enable is features/seeds/ninjaone-sso-enable.feature).

  Scenario Outline: The tenant trusts the mock IdP imported from its metadata <source>
    Given the reference SP has a tenant "ninja" with the NinjaOne profile
    And the tenant's SSO was enabled in its configuration
    And the tenant imports the mock IdP's metadata from its <source>
    And the user "alice@example.com" exists in the tenant
    When "alice@example.com" signs in starting at the SP
    Then the SP signs "alice@example.com" in

    Examples:
      | source |
      | URL    |
      | file   |
      | XML    |

  Scenario: The tenant trusts the mock IdP configured by hand with its SSO URL and certificate
    Given the reference SP has a tenant "ninja" with the NinjaOne profile
    And the tenant's SSO was enabled in its configuration
    And the tenant is given the mock IdP's SSO URL and certificate by hand
    And the user "alice@example.com" exists in the tenant
    When "alice@example.com" signs in starting at the SP
    Then the SP signs "alice@example.com" in

  Scenario: A response from an independent SAML IdP (samlify) whose metadata is imported is accepted
    Given the reference SP has a tenant "ninja" with the NinjaOne profile
    And the tenant's SSO was enabled in its configuration
    And the tenant imports the metadata of an independent samlify IdP
    And the user "alice@example.com" exists in the tenant
    When the samlify IdP signs "alice@example.com" in to the SP
    Then the SP signs "alice@example.com" in
