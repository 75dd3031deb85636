@saml @seed-sonarqube
Feature: SonarQube Cloud allows exactly one sign-on URL
  SonarQube's guide: "Only a single sign-on URL is allowed. Attempting to configure URLs in Other Requestable
  SSO URLs will lead to errors in your SSO setup."

  Scenario: A response the IdP addresses to a second reply URL is refused
    Given the reference SP has a tenant "sonar" with the SonarQube profile
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant
    And the IdP addresses its responses to a second reply URL "https://sonarcloud.io/sso/other-acs"
    When "alice@example.com" signs in starting at the SP
    Then the SP rejects the sign-in with "destination/mismatch"

  Scenario: The IdP refuses to answer for a reply URL it does not have registered (Entra's AADSTS50011)
    Given the reference SP has a tenant "sonar" with the SonarQube profile
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant
    And the IdP has only the reply URL "https://sonarcloud.io/sso/other-acs" registered for the SP
    When "alice@example.com" signs in starting at the SP
    Then the IdP refuses the AuthnRequest with "request/unregistered-acs"

  Scenario: Configuring a second ACS URL on the SP is a configuration error naming the setting
    When the reference SP is configured with a SonarQube tenant that has two ACS URLs
    Then the configuration is refused at "tenants[0].saml.acsUrls"
