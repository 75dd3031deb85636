/*
 * Where an IdP publishes its SAML metadata (SonarQube's "Metadata URL" of the Automatic tab, Okta's "Metadata
 * URL", Entra's "App Federation Metadata Url", JumpCloud's "Copy Metadata URL"): a real HTTP server on a loopback
 * ephemeral port whose document a scenario changes, as an IdP does when it rolls its signing certificate over,
 * or makes unavailable. It counts the fetches, so a scenario can say the SP fetched it again.
 */
import { createServer, type Server } from 'node:http';

export class MetadataHost {
  #xml: string;
  #status = 200;
  #fetches = 0;
  #server: Server | undefined;
  #url: string | undefined;

  constructor(xml: string) {
    this.#xml = xml;
  }

  async start(): Promise<string> {
    if (this.#url) return this.#url;
    const server = createServer((_req, res) => {
      this.#fetches++;
      if (this.#status !== 200) {
        res.writeHead(this.#status).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/samlmetadata+xml' }).end(this.#xml);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the metadata host has no TCP address');
    this.#server = server;
    this.#url = `http://127.0.0.1:${address.port}/federationmetadata.xml`;
    return this.#url;
  }

  /** The document served from now on. */
  publish(xml: string): void {
    this.#xml = xml;
    this.#status = 200;
  }

  /** Every fetch from now on answers this HTTP status with no body. */
  failWith(status: number): void {
    this.#status = status;
  }

  get fetches(): number {
    return this.#fetches;
  }

  async close(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
