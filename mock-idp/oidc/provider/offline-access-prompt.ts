/*
 * Refresh tokens the way Okta and Entra issue them: a request with scope `offline_access` gets one, with or
 * without prompt=consent. OIDC Core §11 says offline_access "MUST" be ignored unless prompt contains consent
 * "unless other conditions for processing the request permitting offline access … are in place" — Okta and Entra
 * have such conditions (admin consent); oidc-provider applies the strict rule. So before oidc-provider sees an
 * authorization request (query) asking for offline_access, `consent` is added to its prompt (never beside `none`,
 * which must stand alone, §3.1.2.1); the interaction then resolves that consent itself (implicit consent).
 */
export function withOfflineAccessConsent(query: string): string {
  if (!query.startsWith('?')) return query;
  const params = new URLSearchParams(query.slice(1));
  const scopes = (params.get('scope') ?? '').split(' ');
  const prompts = (params.get('prompt') ?? '').split(' ').filter((p) => p !== '');
  if (!scopes.includes('offline_access') || prompts.includes('consent') || prompts.includes('none')) return query;
  params.set('prompt', [...prompts, 'consent'].join(' '));
  return `?${params.toString()}`;
}
