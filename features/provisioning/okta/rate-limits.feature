@okta @seed-ninjaone
Feature: Okta waits out 429 Too Many Requests
  When the server throttles, Okta's client waits what Retry-After asks (RFC 9110 §10.2.3) and sends the same request
  again; throttling that does not stop fails only that user. Okta documents no retry policy for its SCIM client: the
  simulator's one retry policy applies (inferred; docs/provisioning.md). Waiting is injected, so no scenario waits.

  Background:
    Given Okta provisions to the NinjaOne tenant as an OIN app integration

  @rfc6585-4
  Scenario: A throttled create is sent again after Retry-After
    Given a gateway in front of the NinjaOne tenant answers the next POST /Users for "ada.lovelace@contoso.example" with 429 and Retry-After "7"
    When Okta pushes the assignments
    Then Okta waited 7000 ms before retrying
    And Okta sent exactly these requests for "ada.lovelace@contoso.example" in that push:
      | method | path                                                                             | status | attempt |
      | GET    | /Users?filter=userName eq "ada.lovelace@contoso.example"&startIndex=1&count=100 | 200    | 1       |
      | POST   | /Users                                                                           | 429    | 1       |
      | POST   | /Users                                                                           | 201    | 2       |
    And no object failed in that cycle

  @rfc6585-4
  Scenario: Throttling that does not stop fails only that user
    Given a gateway in front of the NinjaOne tenant answers the next 4 POST /Users for "ada.lovelace@contoso.example" with 429 and Retry-After "1"
    When Okta pushes the assignments
    Then exactly one object failed in that cycle, with "http/retries-exhausted"
    And the provisioning log shows "grace.hopper@contoso.example" as created
