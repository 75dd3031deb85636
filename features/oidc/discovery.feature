@oidc @oidc-discovery-4
Feature: The mock OP publishes a discovery document for each issuer it reproduces
  OpenID Connect Discovery 1.0 §4: the issuer's configuration at "{issuer}/.well-known/openid-configuration",
  whose "issuer" is exactly the issuer. The mock OP reproduces the issuer URLs of the IdPs it imitates: Okta's
  custom authorization server "/oauth2/default", Entra ID's v2.0 endpoint "/{tenant}/v2.0", and a generic one at
  the OP's base URL.

  Scenario Outline: The <preset> issuer's discovery document names its issuer and the code flow with PKCE
    When QA reads the discovery document of the mock OP's <preset> issuer
    Then its issuer is the OP's base URL followed by "<path>"
    And it offers the authorization code flow with PKCE S256, RS256 ID tokens and an end-session endpoint

    Examples:
      | preset  | path                                          |
      | generic |                                               |
      | Okta    | /oauth2/default                               |
      | Entra   | /{tenant}/v2.0                                |
