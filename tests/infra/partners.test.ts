/**
 * The cloud wiring of the partners: `egov:partnerUrls` given to exactly the functions that call each
 * partner, and checked at synthesis.
 */
import { describe, expect, it } from 'vitest';
import { functionNames, specOf } from '../../infra/manifest.ts';
import { partnerNames } from '../../shared/domain/partners/partner.ts';
import { computeResources, environmentOf, synthesizeApp } from './synth.ts';

const urls = {
  dvcqg: 'https://api.dichvucong.gov.vn/egov',
  payments: 'https://payment.dichvucong.gov.vn/api',
  postal: 'https://api.vnpost.vn/hcc',
};

describe('partners in the cloud, with egov:partnerUrls', () => {
  const api = computeResources(synthesizeApp({ 'egov:partnerUrls': urls }));

  it('gives each function the URLs of exactly the partners it calls', () => {
    const callers = functionNames.filter((name) => (specOf(name).access.partners ?? []).length > 0);
    expect(callers.length).toBeGreaterThan(0);
    for (const name of functionNames) {
      const calls = specOf(name).access.partners ?? [];
      const env = environmentOf(api, name);
      if (calls.length === 0) expect(env.PARTNER_URLS, name).toBeUndefined();
      else
        expect(JSON.parse(String(env.PARTNER_URLS)), name).toEqual(Object.fromEntries(calls.map((p) => [p, urls[p]])));
    }
  });

  it.each([
    [{ dvcqg: 'http://api.dichvucong.gov.vn' }, /must be an https URL/],
    [{ bank: 'https://bank.example.vn' }, /unknown partner bank/],
    [['https://api.dichvucong.gov.vn'], /must be an object of partner to base URL/],
  ])('refuses %j', (value, message) => {
    expect(() => synthesizeApp({ 'egov:partnerUrls': value })).toThrow(message);
  });

  it('knows every partner', () => {
    expect(Object.keys(urls).sort()).toEqual([...partnerNames].sort());
  });
});
