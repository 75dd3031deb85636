@entra @seed-ninjaone
Feature: Test Connection
  Entra's Test Connection (NinjaOne's guide, step 6) is `GET /Users?filter=userName eq "<random GUID>"`:
  it needs 200 and an empty ListResponse. Anything else fails the test with a clear reason, and refused
  credentials quarantine the job so that no cycle sends anything.

  Background:
    Given Entra provisions to the NinjaOne tenant with NinjaOne's mapping table
    And the tenant URL carries the aadOptscim062020 flag

  Rule: A healthy server passes Test Connection

    @rfc7644-3.4.2.2
    Scenario: The random GUID matches nobody
      When the admin clicks Test Connection
      Then Test Connection succeeds
      And the server answered an empty ListResponse to Test Connection

  Rule: A broken server fails Test Connection with a clear reason

    @rfc7644-2 @rfc7644-3.12
    Scenario: A wrong secret token is reported as 401 and quarantines the job
      Given the admin pasted a wrong secret token
      When the admin clicks Test Connection
      Then Test Connection fails with "connection/failed" and status 401
      And the job is quarantined
      And the next cycle sends no request

    Scenario: A server that matches users for a random GUID fails Test Connection
      Given a gateway in front of the NinjaOne tenant answers the next GET /Users with a ListResponse of one user
      When the admin clicks Test Connection
      Then Test Connection fails with "connection/failed" and status 200
      And the job is not quarantined

    Scenario: A server that answers 500 fails Test Connection after Entra's retries
      Given a gateway in front of the NinjaOne tenant answers every GET /Users with status 500
      When the admin clicks Test Connection
      Then Test Connection fails with "connection/failed" and status 500
      And Entra retried Test Connection 3 times before giving up
