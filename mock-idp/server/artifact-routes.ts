/*
 * HTTP surface of the IdP's artifact binding (../saml/artifact/artifact-service.ts):
 *   POST /saml/artifact ............... ArtifactResolutionService, SOAP 1.1 (saml-bindings §3.2, saml-core §3.5);
 *                                       the body is bounded (256 kB); a SOAP problem is a SOAP fault (HTTP 500,
 *                                       as SOAP 1.1 §6.2 requires), a SAML one a Success-status empty answer
 *   PUT  /control/artifact/next ....... { "deviations": ["replayPrevious" | { "method": "wrongSourceId", "args": [...] }] }
 *                                       for the next artifact issued
 *   GET  /control/artifact/resolutions  every resolution so far with its outcome (why an answer was empty)
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { IdpError } from '../saml/errors.ts';
import { SOAP_CONTENT_TYPE, SoapFault, soapFaultXml } from '../saml/artifact/soap.ts';
import type { MockIdpControl } from './control.ts';

export const ARTIFACT_RESOLUTION_PATH = '/saml/artifact';

export function registerArtifactRoutes(app: express.Express, control: MockIdpControl): void {
  const soap = express.Router();
  soap.post(ARTIFACT_RESOLUTION_PATH, express.text({ type: () => true, limit: '256kb' }), (req, res) => {
    const answer = control.artifacts.resolve(typeof req.body === 'string' ? req.body : '', (id) => control.sps.get(id));
    res.status(answer.status).type(SOAP_CONTENT_TYPE).send(answer.body);
  });
  // A body the parser refused (too large, bad charset) is the requester's: a SOAP fault, never the HTML page.
  soap.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' && err.status < 500) {
      const fault = new SoapFault(err.status === 413 ? 'soap/too-large' : 'soap/not-an-envelope', 'the request body could not be read');
      res.status(500).type(SOAP_CONTENT_TYPE).send(soapFaultXml(fault));
      return;
    }
    next(err);
  });
  app.use(soap);

  const c = express.Router();
  c.use(express.json({ limit: '64kb' }));
  c.put('/control/artifact/next', (req, res) => {
    control.artifacts.setNext((req.body as Record<string, unknown> | undefined)?.['deviations']);
    res.status(204).end();
  });
  c.get('/control/artifact/resolutions', (_req, res) => {
    res.json({ pending: control.artifacts.pending, resolutions: control.artifacts.resolutions() });
  });
  c.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (err instanceof IdpError && err.expose) {
      res.status(err.status).json({ error: err.code, message: err.message });
      return;
    }
    next(err);
  });
  app.use(c);
}
