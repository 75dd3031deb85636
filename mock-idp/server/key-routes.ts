/*
 * Control API of the IdP's published trust material (JSON, under /control):
 *   GET  /control/keys ............ the key ring: phase, the active key's fingerprint, every published certificate
 *   POST /control/keys/rollover ... publish a new signing key next to the current one, which still signs
 *   POST /control/keys/activate ... sign with the new key; the old one stays published
 *   POST /control/keys/retire ..... drop the old key from the metadata
 *   GET  /control/metadata ........ how the metadata is published: { signed, validUntil, cacheDuration }
 *   PUT  /control/metadata ........ change any of them (null clears validUntil / cacheDuration)
 * The rollover phases and their refusals (409 keys/rollover-in-progress, keys/nothing-to-activate,
 * keys/nothing-to-retire) are ../saml/keys/signing-key-ring.ts; the publication rules are
 * ../saml/metadata/metadata-publication.ts (saml-metadata §2.3.2, §2.4.1.1, §3).
 */
import type { Router } from 'express';
import { idpError } from '../saml/errors.ts';
import type { SigningKeyRing } from '../saml/keys/signing-key-ring.ts';
import type { MockIdpControl } from './control.ts';

export function registerKeyRoutes(router: Router, control: MockIdpControl): void {
  const ring = (): SigningKeyRing => {
    const r = control.ctx.keys.ring;
    if (!r) throw idpError('keys/no-rollover', 'this IdP was given a fixed signing key: it cannot roll over', 409);
    return r;
  };
  router.get('/keys', (_req, res) => {
    res.json(ring().state());
  });
  router.post('/keys/rollover', (_req, res) => {
    res.json(ring().rollover());
  });
  router.post('/keys/activate', (_req, res) => {
    res.json(ring().activate());
  });
  router.post('/keys/retire', (_req, res) => {
    res.json(ring().retire());
  });
  router.get('/metadata', (_req, res) => {
    res.json(control.metadataPublication.settings);
  });
  router.put('/metadata', (req, res) => {
    res.json(control.metadataPublication.update(req.body));
  });
}
