@onelogin @seed-ninjaone
Feature: OneLogin's Enable checks the SCIM Base URL and the bearer token
  Enabling the app makes OneLogin connect to the SCIM Base URL with the SCIM Bearer Token; it reads one page of
  users and accepts any ListResponse.

  Background:
    Given OneLogin provisions to the NinjaOne tenant with the fixture's mappings

  @rfc7644-3.4.2.4
  Scenario: Enable reads one unfiltered page of users
    When the admin clicks Test Connection
    Then Test Connection succeeds
    And OneLogin sent exactly these requests outside any object:
      | method | path                        | status |
      | GET    | /Users?startIndex=1&count=1 | 200    |

  @rfc7644-2
  Scenario: A wrong bearer token fails Enable with the endpoint's 401
    Given the admin pasted a wrong secret token
    When the admin clicks Test Connection
    Then Test Connection fails with "connection/failed" and status 401
