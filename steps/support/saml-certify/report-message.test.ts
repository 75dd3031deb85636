import { describe, expect, it } from 'vitest';
import { padTo } from '../../../mock-idp/saml/attacks/pad-to.ts';
import { ELIDE_OVER, messageForReport } from './report-message.ts';

const response = '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><!-- small --><saml:Issuer>i</saml:Issuer></samlp:Response>';

describe('messageForReport', () => {
  it('leaves a message without long comments as it is', () => {
    expect(messageForReport(response)).toBe(response);
    const atLimit = response.replace('<!-- small -->', `<!--${'y'.repeat(ELIDE_OVER)}-->`);
    expect(messageForReport(atLimit)).toBe(atLimit);
  });

  it('keeps the start and end of a 2 MB padding and says how many bytes it left out', () => {
    const padded = padTo(response, '2m');
    expect(Buffer.byteLength(padded)).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    const shown = messageForReport(padded);
    expect(shown.length).toBeLessThan(1000);
    const cut = /\[… (\d+) bytes elided …\]/.exec(shown);
    expect(cut).not.toBeNull();
    // What is shown plus what was cut is the message the SP received.
    expect(Buffer.byteLength(shown) - Buffer.byteLength(cut![0]) + Number(cut![1])).toBe(Buffer.byteLength(padded));
    expect(shown.startsWith(padded.slice(0, padded.indexOf('<!--') + 4 + 64))).toBe(true);
    expect(shown.endsWith(padded.slice(padded.lastIndexOf('-->') - 64))).toBe(true);
  });
});
