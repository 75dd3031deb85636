@scim @bundled-only
Feature: Strict and lenient tenants facing Entra's legacy request shapes
  Entra's provisioning service, in its legacy mode, sends shapes RFC 7644 does not allow. A strict tenant refuses
  each with a precise 400; a lenient tenant accepts it and records what it tolerated, so a report can say so
  (docs/reference-scim.md, "Strict vs lenient").

  Rule: A strict tenant refuses each legacy shape with a precise 400

    Scenario Outline: A strict tenant refuses <shape>
      Given the client uses the strict tenant
      And the user "alice" exists
      When the client patches the user "alice" with Entra's legacy shape "<shape>"
      Then the response is a SCIM error with status 400 and scimType <scimType>

      @id:BUNDLED-STRICT-01 @must @rfc7643-2.3.2
      Examples:
        | shape                       | scimType     |
        | active as the string False  | invalidValue |

      @id:BUNDLED-STRICT-02 @must @rfc7644-3.5.2
      Examples:
        | shape                 | scimType      |
        | a capitalised op name | invalidSyntax |

      @id:BUNDLED-STRICT-03 @must @rfc7644-3.5.2.3
      Examples:
        | shape                                      | scimType    |
        | a path-less replace keyed by a dotted name | invalidPath |

    @id:BUNDLED-STRICT-04 @must @rfc7644-3.5.2.2
    Scenario: A strict tenant refuses removing members with a value array
      Given the client uses the strict tenant
      And the users "alice" and "bob" exist
      And the group "engineering" exists with the members "alice" and "bob"
      When the client removes "alice" from the group "engineering" with Entra's legacy value array
      Then the response is a SCIM error with status 400 and scimType invalidSyntax

  Rule: A lenient tenant accepts each legacy shape and records it

    Scenario Outline: A lenient tenant accepts <shape> and records "<code>"
      Given the client uses the lenient tenant
      And the user "alice" exists
      When the client patches the user "alice" with Entra's legacy shape "<shape>"
      Then the request succeeds
      And the tenant recorded the tolerance "<code>"

      @id:BUNDLED-LENIENT-01 @must
      Examples:
        | shape                       | code                   |
        | active as the string False  | lenient/string-boolean |

      @id:BUNDLED-LENIENT-02 @must
      Examples:
        | shape                 | code            |
        | a capitalised op name | lenient/op-case |

      @id:BUNDLED-LENIENT-03 @must
      Examples:
        | shape                                      | code               |
        | a path-less replace keyed by a dotted name | lenient/dotted-key |

    @id:BUNDLED-LENIENT-04 @must
    Scenario: A lenient tenant disables a user sent "active": "False"
      Given the client uses the lenient tenant
      And the user "alice" exists
      When the client patches the user "alice" with Entra's legacy shape "active as the string False"
      Then the request succeeds
      And the user "alice" has "active" equal to "false"

    @id:BUNDLED-LENIENT-05 @must
    Scenario: A lenient tenant removes members sent as a value array and records it
      Given the client uses the lenient tenant
      And the users "alice" and "bob" exist
      And the group "engineering" exists with the members "alice" and "bob"
      When the client removes "alice" from the group "engineering" with Entra's legacy value array
      Then the request succeeds
      And the group "engineering" has exactly the members "bob"
      And the tenant recorded the tolerance "lenient/remove-members-by-value"
