@scim @bundled-only @seed-particle
Feature: Particle: the provisioning URL and the API user's scopes (seed 000)
  Particle's guide has the customer create an API user with the scopes teams.users:invite, teams.users:remove,
  teams.users:list and teams.users:update, and enter https://api.particle.io/v1/orgs/<org_slug>/team/provision
  as the Tenant URL. The reference server reproduces that layout and enforces each scope.

  Background:
    Given the client uses Particle's SCIM URL with the API user's token

  Rule: The org's provisioning URL serves SCIM 2.0

    @id:SEED-PARTICLE-01 @must @rfc7644-3.3
    Scenario: A user is provisioned at /v1/orgs/{org_slug}/team/provision
      When the client creates the user "alice"
      Then the response status is 201
      And the response carries the new resource's id and meta of type "User"
      And the Location header is under Particle's SCIM URL

    @id:SEED-PARTICLE-02 @must @rfc7644-2
    Scenario: An org slug the token does not belong to is refused
      When the client lists Users at the SCIM URL of the org "another-org"
      Then the response is a SCIM error with status 401

  Rule: Each operation needs its scope; without it the request is refused with 403

    Scenario Outline: Without <scope>, <operation> is refused
      Given the user "alice" exists
      And the API user's token lacks the scope <scope>
      When the client <operation>
      Then the response is a SCIM error with status 403

      @id:SEED-PARTICLE-03 @must
      Examples: invite
        | scope              | operation                 |
        | teams.users:invite | creates the user "bob"    |

      @id:SEED-PARTICLE-04 @must
      Examples: list
        | scope            | operation                                                |
        | teams.users:list | lists Users with the filter 'userName sw "<prefix>"'      |

      @id:SEED-PARTICLE-05 @must
      Examples: update
        | scope              | operation                  |
        | teams.users:update | disables the user "alice"  |

      @id:SEED-PARTICLE-06 @must
      Examples: remove
        | scope              | operation                 |
        | teams.users:remove | deletes the user "alice"  |

    @id:SEED-PARTICLE-07 @must
    Scenario: A token without the remove scope still lists users
      Given the user "alice" exists
      And the API user's token lacks the scope teams.users:remove
      When the client lists Users with the filter 'userName eq "<alice.userName>"'
      Then the list response holds exactly the users "alice"
