@saml @seed-sonarqube
Feature: SonarQube Cloud allows exactly one sign-on URL
  SonarQube's guide: "Only a single sign-on URL is allowed. Attempting to configure URLs in Other Requestable
  SSO URLs will lead to errors in your SSO setup."

  Scenario: The IdP posting to a second, unregistered reply URL is refused
    Given the reference SP has a tenant "sonar" with the SonarQube profile
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant
    And the IdP has a second reply URL "http://127.0.0.1/saml/sonar/acs-2" for the SP
    When "alice@example.com" signs in starting at the SP but the IdP posts to the second reply URL
    Then the sign-in fails at the second reply URL with "destination/mismatch"

  Scenario: Configuring a second ACS URL on the SP is a configuration error naming the setting
    When the reference SP is configured with a SonarQube tenant that has two ACS URLs
    Then the configuration is refused at "tenants[0].saml.acsUrls"
