/* Which driver a target asks for: Chromium (./browser.ts) with `browser`, else the HTTP driver (./http.ts). */
import type { SamlCertifyTarget } from '../contract.ts';
import type { ResolvedSp } from '../target.ts';
import type { SamlDriver } from './driver.ts';
import { HttpDriver } from './http.ts';

export function driverFor(target: SamlCertifyTarget, sp: ResolvedSp): SamlDriver {
  return new HttpDriver(sp, target.timeoutMs);
}
