@scim @core
Feature: Service provider discovery
  A SCIM client learns what an endpoint supports from three discovery endpoints before it provisions anyone
  (RFC 7644 §4). What they say must be true: the certification decides which optional scenarios to run from them.

  Rule: /ServiceProviderConfig states every optional feature (RFC 7643 §5)

    @id:CORE-DISC-01 @must @rfc7643-5 @rfc7644-4
    Scenario: The service provider configuration says whether each optional feature is supported
      When the client reads "/ServiceProviderConfig"
      Then the response status is 200
      And the response has the schema "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"
      And the configuration states whether "patch", "bulk", "filter", "changePassword", "sort" and "etag" are supported
      And the configuration names at least one authentication scheme

  Rule: /ResourceTypes lists the User and Group resource types (RFC 7643 §6)

    @id:CORE-DISC-02 @must @rfc7643-6 @rfc7644-4
    Scenario: The resource types list Users and Groups with their endpoints and core schemas
      When the client reads "/ResourceTypes"
      Then the response status is 200
      And the resource type "User" is served at "/Users" with the schema "urn:ietf:params:scim:schemas:core:2.0:User"
      And the resource type "Group" is served at "/Groups" with the schema "urn:ietf:params:scim:schemas:core:2.0:Group"

    @id:CORE-DISC-03 @should @rfc7644-4
    Scenario: A single resource type is readable by its id
      When the client reads "/ResourceTypes/User"
      Then the response status is 200
      And the response has "endpoint" equal to "/Users"

  Rule: /Schemas describes the attributes of every resource type (RFC 7643 §7)

    @id:CORE-DISC-04 @must @rfc7643-7 @rfc7644-4
    Scenario: The schemas include the core User and Group schemas
      When the client reads "/Schemas"
      Then the response status is 200
      And the schemas listed include "urn:ietf:params:scim:schemas:core:2.0:User" and "urn:ietf:params:scim:schemas:core:2.0:Group"

    @id:CORE-DISC-05 @should @rfc7643-7 @rfc7644-4
    Scenario: The core User schema is readable by its URN and defines userName
      When the client reads "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User"
      Then the response status is 200
      And the schema defines the attribute "userName"
