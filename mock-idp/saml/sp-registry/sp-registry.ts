/*
 * The SPs the mock IdP knows, by entity ID. Registering the same entity ID again replaces the registration, so
 * a scenario can change an SP's settings. An SP can be registered from its metadata: XML text, a file, or a URL
 * fetched over HTTP.
 */
import { readFile } from 'node:fs/promises';
import { idpError } from '../errors.ts';
import { registrationFromSpMetadata } from '../metadata/sp-metadata.ts';
import { resolveSpRegistration, type SpRegistration, type SpRegistrationInput } from './sp-registration.ts';

export type MetadataSource = { xml: string } | { file: string } | { url: string };

/** Settings from metadata are merged under these (e.g. a preset or attribute statements). */
export type MetadataOverrides = Partial<Omit<SpRegistrationInput, 'entityId'>>;

export class SpRegistry {
  private readonly sps = new Map<string, SpRegistration>();

  register(input: SpRegistrationInput): SpRegistration {
    const sp = resolveSpRegistration(input);
    this.sps.set(sp.entityId, sp);
    return sp;
  }

  async registerFromMetadata(source: MetadataSource, overrides: MetadataOverrides = {}): Promise<SpRegistration> {
    let xml: string;
    if ('xml' in source) xml = source.xml;
    else if ('file' in source) {
      try {
        xml = await readFile(source.file, 'utf8');
      } catch (e) {
        throw idpError('sp/metadata-fetch-failed', `cannot read ${source.file}: ${(e as Error).message}`);
      }
    } else {
      let response: Response;
      try {
        response = await fetch(source.url, { signal: AbortSignal.timeout(10_000) });
      } catch (e) {
        throw idpError('sp/metadata-fetch-failed', `cannot fetch ${source.url}: ${(e as Error).message}`);
      }
      if (!response.ok) throw idpError('sp/metadata-fetch-failed', `GET ${source.url} answered ${response.status}`);
      xml = await response.text();
    }
    return this.register({ ...registrationFromSpMetadata(xml), ...overrides });
  }

  get(entityId: string): SpRegistration | undefined {
    return this.sps.get(entityId);
  }

  remove(entityId: string): boolean {
    return this.sps.delete(entityId);
  }

  list(): SpRegistration[] {
    return [...this.sps.values()];
  }
}
