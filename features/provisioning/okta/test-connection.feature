@okta @seed-ninjaone
Feature: Okta's Test API Credentials reads two users
  When the admin saves the SCIM connection, Okta checks the base URL and the bearer token by reading the first page
  of two users; it needs a 200 and a ListResponse (Okta's SCIM 2.0 spec test, step "Test API Credentials").
  Sources and what is documented or inferred: docs/provisioning.md, section "Okta".

  Background:
    Given Okta provisions to the NinjaOne tenant as an OIN app integration

  @rfc7644-3.4.2.4
  Scenario Outline: Test API Credentials pages with startIndex 1 and count 2 on a <mode> tenant
    Given the NinjaOne tenant is <mode>
    When the admin clicks Test API Credentials
    Then Test Connection succeeds
    And Okta sent exactly these requests outside any object:
      | method | path                        | status |
      | GET    | /Users?startIndex=1&count=2 | 200    |

    Examples:
      | mode    |
      | strict  |
      | lenient |

  @rfc7644-2
  Scenario: A wrong bearer token fails Test API Credentials with the endpoint's 401
    Given the admin pasted a wrong secret token
    When the admin clicks Test API Credentials
    Then Test Connection fails with "connection/failed" and status 401
