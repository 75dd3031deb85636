@scim @core @requires:filter
Feature: Filtering users
  Clients find users with `GET /Users?filter=…` before creating or updating them (RFC 7644 §3.4.2.2). Scoped
  filters ("among this scenario's users") add `and userName sw "<prefix>"` so that other data on the endpoint
  never changes a result.

  Rule: Identity providers look users up by userName, externalId and work email

    @id:CORE-FILTER-01 @must @rfc7644-3.4.2.2
    Scenario: Test Connection: a filter on a random userName answers 200 with no results
      # A user exists, so an endpoint that ignores the filter cannot pass by being empty.
      Given the user "alice" exists
      When the client lists Users with the filter 'userName eq "<random>@example.com"'
      Then the response status is 200
      And the list response holds no resources

    @id:CORE-FILTER-02 @must @rfc7644-3.4.2.2 @rfc7643-4.1.1
    Scenario: A userName filter matches regardless of case
      Given the users "alice" and "bob" exist
      When the client filters Users on the userName of "alice" written in upper case
      Then the list response holds exactly the users "alice"

    @id:CORE-FILTER-03 @must @rfc7644-3.4.2.2 @rfc7643-3.1
    Scenario: An externalId filter finds the user
      Given the users "alice" and "bob" exist
      When the client lists Users with the filter 'externalId eq "<alice.externalId>"'
      Then the list response holds exactly the users "alice"

    @id:CORE-FILTER-04 @must @rfc7644-3.4.2.2
    Scenario: A complex filter on the work email finds the user
      Given the users "alice" and "bob" exist
      When the client lists Users with the filter 'emails[type eq "work" and value eq "<alice.emails.0.value>"]'
      Then the list response holds exactly the users "alice"

    # `emails[type eq "work"].value` is a PATCH path form (RFC 7644 §3.5.2); the filter ABNF (§3.4.2.2) has no
    # sub-attribute after "]". An endpoint may answer it as the complex filter above or refuse it as invalidFilter,
    # but never with a wrong result.
    @id:CORE-FILTER-22 @must @rfc7644-3.4.2.2
    Scenario: The work email in the attribute-path form is answered right or refused as invalidFilter
      Given the users "alice" and "bob" exist
      When the client lists Users with the filter 'emails[type eq "work"].value eq "<alice.emails.0.value>"'
      Then the list response holds exactly the users "alice", unless the filter is refused as invalidFilter

    @id:CORE-FILTER-23 @should @rfc7644-3.4.3
    Scenario: Searching with POST /Users/.search finds the user
      Given the users "alice" and "bob" exist
      When the client searches Users with POST .search and the filter 'userName eq "<alice.userName>"'
      Then the list response holds exactly the users "alice"

  Rule: Every comparison operator and the logical grammar work (RFC 7644 §3.4.2.2)

    Background:
      Given these users exist:
        | user | title               | nickName |
        | ann  | Engineer            | Annie    |
        | bob  | Engineering Manager |          |
        | cid  | Designer            |          |

    Scenario Outline: The filter "<filter>" selects exactly the expected users
      When the client lists this scenario's users with the filter '<filter>'
      Then the list response holds exactly the users <expected>

      @id:CORE-FILTER-05 @must @rfc7644-3.4.2.2
      Examples: eq
        | filter              | expected |
        | title eq "Engineer" | "ann"    |

      @id:CORE-FILTER-06 @must @rfc7644-3.4.2.2
      Examples: ne
        | filter              | expected        |
        | title ne "Engineer" | "bob" and "cid" |

      @id:CORE-FILTER-07 @must @rfc7644-3.4.2.2
      Examples: co
        | filter           | expected |
        | title co "Manag" | "bob"    |

      @id:CORE-FILTER-08 @must @rfc7644-3.4.2.2
      Examples: sw
        | filter              | expected        |
        | title sw "Engineer" | "ann" and "bob" |

      @id:CORE-FILTER-09 @must @rfc7644-3.4.2.2
      Examples: ew
        | filter            | expected |
        | title ew "signer" | "cid"    |

      @id:CORE-FILTER-10 @must @rfc7644-3.4.2.2
      Examples: pr
        | filter      | expected |
        | nickName pr | "ann"    |

      @id:CORE-FILTER-11 @must @rfc7644-3.4.2.2
      Examples: gt
        | filter              | expected |
        | title gt "Engineer" | "bob"    |

      @id:CORE-FILTER-12 @must @rfc7644-3.4.2.2
      Examples: ge
        | filter              | expected        |
        | title ge "Engineer" | "ann" and "bob" |

      @id:CORE-FILTER-13 @must @rfc7644-3.4.2.2
      Examples: lt
        | filter              | expected |
        | title lt "Engineer" | "cid"    |

      @id:CORE-FILTER-14 @must @rfc7644-3.4.2.2
      Examples: le
        | filter              | expected        |
        | title le "Engineer" | "ann" and "cid" |

      @id:CORE-FILTER-15 @must @rfc7644-3.4.2.2
      Examples: and
        | filter                              | expected |
        | title sw "Engineer" and nickName pr | "ann"    |

      @id:CORE-FILTER-16 @must @rfc7644-3.4.2.2
      Examples: or
        | filter                             | expected        |
        | title eq "Designer" or nickName pr | "ann" and "cid" |

      @id:CORE-FILTER-17 @must @rfc7644-3.4.2.2
      Examples: not
        | filter                  | expected |
        | not (title sw "Engineer") | "cid"  |

      @id:CORE-FILTER-18 @must @rfc7644-3.4.2.2
      Examples: parentheses
        | filter                                                    | expected        |
        | title eq "Designer" or (title sw "Engineer" and nickName pr) | "ann" and "cid" |

  Rule: A filter that does not parse is refused with invalidFilter (RFC 7644 §3.4.2.2, §3.12)

    Scenario Outline: The invalid filter <problem> is a 400 invalidFilter
      When the client lists Users with the filter '<filter>'
      Then the response is a SCIM error with status 400 and scimType invalidFilter

      @id:CORE-FILTER-19 @must @rfc7644-3.4.2.2 @rfc7644-3.12
      Examples:
        | problem              | filter             |
        | with an unknown operator | userName zz "x" |

      @id:CORE-FILTER-20 @must @rfc7644-3.4.2.2 @rfc7644-3.12
      Examples:
        | problem                      | filter            |
        | with an unclosed parenthesis | (userName eq "x"  |

      @id:CORE-FILTER-21 @must @rfc7644-3.4.2.2 @rfc7644-3.12
      Examples:
        | problem                | filter          |
        | with an unclosed string | userName eq "x |
