@entra @seed-ninjaone
Feature: Retries on 429 Too Many Requests
  When the server throttles, Entra waits what Retry-After says (delta-seconds or an HTTP-date,
  RFC 9110 §10.2.3) and sends the same request again. A gateway in front of the NinjaOne tenant throttles;
  waiting is injected, so no scenario waits on wall time.

  Background:
    Given Entra provisions to the NinjaOne tenant with NinjaOne's mapping table
    And the tenant URL carries the aadOptscim062020 flag

  Rule: A throttled request is retried after the delay the server asked for

    Scenario: Retry-After in seconds is honoured
      Given a gateway in front of the NinjaOne tenant answers the next POST /Users for "ada.lovelace@contoso.example" with 429 and Retry-After "7"
      When Entra runs the initial provisioning cycle
      Then Entra waited 7000 ms before retrying
      And Entra sent these POST requests for "ada.lovelace@contoso.example":
        | method | path   | status | attempt |
        | POST   | /Users | 429    | 1       |
        | POST   | /Users | 201    | 2       |
      And the server stores "ada.lovelace@contoso.example" with active equal to true
      And no object failed in that cycle

    Scenario: Retry-After as an HTTP-date is honoured against the scenario clock
      Given the clock reads "2026-01-01T00:00:00Z"
      And a gateway in front of the NinjaOne tenant answers the next POST /Users for "ada.lovelace@contoso.example" with 429 and Retry-After "Thu, 01 Jan 2026 00:00:30 GMT"
      When Entra runs the initial provisioning cycle
      Then Entra waited 30000 ms before retrying
      And no object failed in that cycle

    Scenario: Throttling that does not stop fails only that object, after the last attempt
      Given a gateway in front of the NinjaOne tenant answers the next 4 POST /Users for "ada.lovelace@contoso.example" with 429 and Retry-After "1"
      When Entra runs the initial provisioning cycle
      Then Entra waited 1000 ms, 1000 ms and 1000 ms between the attempts
      And exactly one object failed in that cycle, with "http/retries-exhausted"
      And the provisioning log shows "grace.hopper@contoso.example" as created
