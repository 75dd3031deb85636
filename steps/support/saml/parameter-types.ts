/*
 * SAML parameter types (STYLE.md §6): each converts its text and fails on a typo before the step body runs.
 */
import { defineParameterType } from '@cucumber/cucumber';
import type { DataAlgorithmName, KeyAlgorithmName, PresetName, SignatureAlgorithmName, XswKind } from '../../../mock-idp/index.ts';
import type { ProfileName } from '../../../reference-sp/config/index.ts';
import { parseDuration } from '../clock.ts';
import { describeParameterType, enumParameterType } from '../enum-parameter-type.ts';

function oneOf<T>(name: string, description: string, table: Readonly<Record<string, T>>): void {
  defineParameterType(enumParameterType(name, description, table));
}

/** The seed vendors the reference SP emulates, as their guides name themselves. */
oneOf<ProfileName>('profile', 'a vendor profile of the reference SP', {
  generic: 'generic',
  Particle: 'particle',
  SonarQube: 'sonarqube',
  DatoCMS: 'datocms',
  NinjaOne: 'ninjaone',
  Aritma: 'aritma',
});

/** Where a tenant imports the IdP's metadata from (NinjaOne's import choices). */
oneOf<'metadata-url' | 'metadata-file' | 'metadata-xml'>('metadataSource', "where the tenant imports the IdP's metadata from", {
  URL: 'metadata-url',
  file: 'metadata-file',
  XML: 'metadata-xml',
});

/** An IdP whose default claim names the mock IdP reproduces (docs/mock-idp.md, Presets). */
oneOf<PresetName>('idpPreset', 'an IdP whose default claim names the mock IdP reproduces', { Entra: 'entra', Okta: 'okta', JumpCloud: 'jumpcloud', OneLogin: 'onelogin' });

/** Where the IdP puts its signature(s). */
oneOf<'response' | 'assertion' | 'both'>('placement', 'where the IdP puts its signature(s)', {
  response: 'response',
  assertion: 'assertion',
  'response and assertion': 'both',
});

/** RSA signature algorithms as IdP admin consoles name them: RSA-SHA1, RSA-SHA256, RSA-SHA512. */
oneOf<SignatureAlgorithmName>('rsaAlgorithm', 'an RSA signature algorithm', { 'RSA-SHA1': 'sha1', 'RSA-SHA256': 'sha256', 'RSA-SHA512': 'sha512' });

/** An Attribute's NameFormat (SAML Core §8.2): how the SP is to read its Name. */
oneOf<string>('nameFormat', 'an attribute NameFormat of SAML Core §8.2', {
  unspecified: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
  basic: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
  uri: 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri',
});

/** EncryptedData ciphers as Okta's console names them. */
oneOf<DataAlgorithmName>('dataEncryption', 'an EncryptedData cipher', {
  'AES128-CBC': 'aes128-cbc',
  'AES256-CBC': 'aes256-cbc',
  'AES128-GCM': 'aes128-gcm',
  'AES256-GCM': 'aes256-gcm',
});

/** EncryptedKey transports. */
oneOf<KeyAlgorithmName>('keyTransport', 'an EncryptedKey transport', { 'RSA-OAEP': 'rsa-oaep', 'RSA-1_5': 'rsa-1_5' });

/** XML signature wrapping attacks, named as in SAML Raider. */
oneOf<XswKind>(
  'xsw',
  'an XML signature wrapping attack (SAML Raider names)',
  Object.fromEntries(['XSW1', 'XSW2', 'XSW3', 'XSW4', 'XSW5', 'XSW6', 'XSW7', 'XSW8'].map((k) => [k, k as XswKind])),
);

/** A duration such as 59s, 2m, 1h; converted to milliseconds. */
describeParameterType({ name: 'duration', description: 'a duration: a number and ms, s, m, h or d (59s, 2m, 1h)' });
defineParameterType({
  name: 'duration',
  regexp: /\d+(?:ms|s|m|h|d)/,
  transformer: (text: string): number => parseDuration(text),
});
