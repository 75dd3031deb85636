@certify-saml
Feature: Encrypted assertions — decrypted with the SP's key, with safe algorithms
  When the SP publishes an encryption certificate in its metadata, IdPs may encrypt the assertion to it (Entra ID
  and Okta do, with AES-CBC or AES-GCM and RSA-OAEP). The SP decrypts what was encrypted for it, refuses what was
  encrypted for someone else, and refuses RSA PKCS#1 v1.5 key transport. An SP without an encryption certificate
  skips this feature.

  Rule: Assertions encrypted for the SP with RSA-OAEP sign the user in

    @id:SAML-ENC-01 @should @xmlenc-core1-5.2.2 @core
    Scenario: AES-128-CBC with RSA-OAEP signs the user in
      Given the IdP encrypts the assertion for the SP with AES128-CBC and RSA-OAEP
      When the response is posted to the SP
      Then the SP signs the user in

    @id:SAML-ENC-02 @should @xmlenc-core1-5.2.2 @core
    Scenario: AES-256-CBC with RSA-OAEP signs the user in
      Given the IdP encrypts the assertion for the SP with AES256-CBC and RSA-OAEP
      When the response is posted to the SP
      Then the SP signs the user in

    @id:SAML-ENC-03 @must @xmlenc-core1-5.2.4 @core
    Scenario: AES-128-GCM with RSA-OAEP signs the user in
      Given the IdP encrypts the assertion for the SP with AES128-GCM and RSA-OAEP
      When the response is posted to the SP
      Then the SP signs the user in

    @id:SAML-ENC-04 @must @xmlenc-core1-5.2.4 @core
    Scenario: AES-256-GCM with RSA-OAEP signs the user in
      Given the IdP encrypts the assertion for the SP with AES256-GCM and RSA-OAEP
      When the response is posted to the SP
      Then the SP signs the user in

  Rule: What the SP cannot or should not decrypt signs nobody in

    @id:SAML-ENC-05 @must @saml-core-2.3.4 @core
    Scenario: An assertion encrypted for another key signs nobody in
      Given the IdP encrypts the assertion for a key the SP does not hold
      When the response is posted to the SP
      Then the SP signs nobody in

    @id:SAML-ENC-06 @should @xmlenc-core1-5.5.1 @core
    Scenario: RSA PKCS#1 v1.5 key transport signs nobody in
      Given the IdP encrypts the assertion for the SP with AES256-GCM and RSA-1_5
      When the response is posted to the SP
      Then the SP signs nobody in
