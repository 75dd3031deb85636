@saml @saml-bindings-3.6
Feature: Sign-in by artifact (HTTP-Artifact binding)
  Instead of posting the Response through the browser, the IdP can hand the browser a short artifact; the SP
  sends it back to the IdP over a direct SOAP call and receives the Response there. An artifact is used once, is
  answered only to the SP it was issued for, and is refused when another IdP issued it.

  Background:
    Given the reference SP has a tenant "acme" with the generic profile
    And the tenant trusts the mock IdP through its metadata
    And the tenant receives sign-ins by artifact
    And the user "alice@example.com" exists in the tenant

  Rule: The SP resolves the artifact at the IdP and checks the Response like any other

    @saml-core-3.5
    Scenario: A sign-in by artifact is accepted
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in
      And the browser carried an artifact, not the Response
      And the IdP resolved the artifact for the SP

    @saml-bindings-3.6.3
    Scenario: An artifact the IdP hands over by redirect is accepted
      Given the IdP hands artifacts to the browser by redirect
      When "alice@example.com" signs in starting at the SP
      Then the SP signs "alice@example.com" in
      And the browser carried the artifact in a redirect, not in a form

  Rule: An artifact the IdP does not hold resolves to nothing

    @saml-core-3.5.3
    Scenario: An artifact the IdP never issued is refused
      When "alice@example.com" starts signing in at the SP and the IdP answers with an artifact
      And the browser delivers an artifact the IdP never issued instead
      Then the SP rejects the sign-in with "artifact/empty"

    @saml-core-3.5.3 @saml-bindings-3.6.5
    Scenario: An artifact is resolved only once
      Given "alice@example.com" has signed in starting at the SP
      And the IdP hands out the artifact it issued last again at the next sign-in
      When "alice@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "artifact/empty"

  Rule: The artifact names its issuer, and only that issuer is asked

    @saml-bindings-3.6.4.1
    Scenario: An artifact from another IdP is refused without asking anyone
      Given the IdP issues its next artifact under the SourceID of another IdP
      When "alice@example.com" signs in starting at the SP
      Then the SP rejects the sign-in with "artifact/source-id"
      And the IdP was not asked to resolve any artifact

  Rule: The IdP answers only the SP the artifact was issued for, authenticated by its signature

    @saml-core-3.5.3
    Scenario: The IdP gives nothing to an unsigned ArtifactResolve from an SP that registered a signing certificate
      When "alice@example.com" starts signing in at the SP and the IdP answers with an artifact
      And someone without the SP's key asks the IdP to resolve that artifact in the SP's name
      Then the IdP answers that resolution with no message and status Success
      When the browser delivers the artifact to the SP
      Then the SP rejects the sign-in with "artifact/empty"
