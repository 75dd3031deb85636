/*
 * The artifact carried by HTTP-Redirect (saml-bindings §3.6.3): the ACS URL with SAMLart and, when present,
 * RelayState as query parameters, URL-encoded; the ACS URL's own query is kept. The other choice §3.6.3 allows, an
 * auto-posting form, is ../bindings/post-binding.ts's autoPostForm.
 */
export function artifactRedirect(acsUrl: string, artifact: string, relayState: string | undefined): string {
  const url = new URL(acsUrl);
  url.searchParams.append('SAMLart', artifact);
  if (relayState !== undefined) url.searchParams.append('RelayState', relayState);
  return url.toString();
}
