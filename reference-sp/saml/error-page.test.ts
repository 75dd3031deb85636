import { describe, expect, it } from 'vitest';
import { ADVICE } from './error-advice.ts';
import { adviceLinks, errorPageHtml } from './error-page.ts';
import { reject, type SamlRejectionCode } from './rejection.ts';

const styleOf = (html: string) => /data-style="([a-z]+)"/.exec(html)?.[1];

describe('SAML error pages', () => {
  it("name the code, the spec section, and link to the next step (IdP-initiated refused → the tenant's login)", () => {
    const html = errorPageHtml('generic', reject('unsolicited/refused', { message: 'x', spec: 'saml-profiles §4.1.5' }), adviceLinks('sonarqube'));
    expect(html).toContain('data-error-code="unsolicited/refused"');
    expect(html).toContain('saml-profiles §4.1.5');
    expect(html).toContain('href="/saml/sonarqube/login"');
  });

  it('fall back to the section of the advice table when the rejection names none', () => {
    const html = errorPageHtml('generic', reject('replay/detected', { message: 'x' }), adviceLinks('acme'));
    expect(html).toContain(ADVICE['replay/detected'].spec!);
  });

  it('escape the message and the expected value, and never show the received one', () => {
    const html = errorPageHtml(
      'generic',
      reject('attributes/missing', { message: 'the assertion has no "<script>m</script>"', expected: '<b>email</b>', actual: ['<img src=x>'] }),
      adviceLinks('acme'),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>email');
    expect(html).toContain('&lt;b&gt;email&lt;/b&gt;');
  });

  it('Particle\'s "general non-success" page only for attribute errors; other refusals get the generic page', () => {
    expect(styleOf(errorPageHtml('particle', reject('attributes/missing', { message: 'x', expected: 'email' }), adviceLinks('particle')))).toBe('particle');
    for (const code of ['user/unknown', 'signature/invalid', 'unsolicited/refused'] as SamlRejectionCode[]) {
      const html = errorPageHtml('particle', reject(code, { message: 'x' }), adviceLinks('particle'));
      expect(styleOf(html)).toBe('generic');
      expect(html).toContain(`data-error-code="${code}"`);
    }
  });

  it('every code has advice with a next step', () => {
    for (const [code, advice] of Object.entries(ADVICE)) {
      expect(advice.next(adviceLinks('t')).length, code).toBeGreaterThan(0);
    }
  });
});
