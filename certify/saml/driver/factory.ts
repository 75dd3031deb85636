/* Which driver a target asks for: Chromium (./browser.ts) with `browser`, else the HTTP driver (./http.ts). */
import type { SamlCertifyTarget } from '../contract.ts';
import type { ResolvedSp } from '../target.ts';
import { BrowserDriver, DEFAULT_CHROMIUM_PATH } from './browser.ts';
import type { SamlDriver } from './driver.ts';
import { HttpDriver } from './http.ts';

/** `idpBaseUrl`: where the certify IdP says it is, the origin the browser posts the response from. */
export function driverFor(target: SamlCertifyTarget, sp: ResolvedSp, idpBaseUrl: string): SamlDriver {
  if (target.browser) return new BrowserDriver(sp, target.timeoutMs, idpBaseUrl, target.browser.executablePath ?? DEFAULT_CHROMIUM_PATH);
  return new HttpDriver(sp, target.timeoutMs);
}
