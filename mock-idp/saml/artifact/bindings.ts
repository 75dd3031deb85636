/* Binding URIs of the artifact exchange (saml-bindings §3.6 HTTP-Artifact, §3.2.2 SOAP). */
export const BINDING_ARTIFACT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact';
export const BINDING_SOAP = 'urn:oasis:names:tc:SAML:2.0:bindings:SOAP';
