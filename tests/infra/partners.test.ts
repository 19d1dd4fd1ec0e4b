/**
 * The cloud wiring of the partners: `egov:partnerUrls` given to exactly the functions that call each
 * partner, and checked at synthesis.
 */
import { describe, expect, it } from 'vitest';
import { functionNames, specOf } from '../../infra/manifest.ts';
import { functionTag } from '../../infra/stacks/platform-function.ts';
import { partnerNames } from '../../shared/domain/partners/partner.ts';
import { synthesizeApp } from './synth.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- CloudFormation JSON
type Resource = { Type: string; Properties: any };

const urls = {
  dvcqg: 'https://api.dichvucong.gov.vn/egov',
  payments: 'https://payment.dichvucong.gov.vn/api',
  postal: 'https://api.vnpost.vn/hcc',
};

const environmentOf = (api: Record<string, Resource>, name: string): Record<string, unknown> => {
  const [fn] = Object.values(api).filter(
    (r) =>
      r.Type === 'AWS::Lambda::Function' &&
      (r.Properties.Tags as Array<{ Key: string; Value: string }>).some(
        (t) => t.Key === functionTag && t.Value === name,
      ),
  );
  return (fn?.Properties.Environment.Variables ?? {}) as Record<string, unknown>;
};

describe('partners in the cloud, with egov:partnerUrls', () => {
  const api = synthesizeApp({ 'egov:partnerUrls': urls }).templates.api.toJSON().Resources as Record<string, Resource>;

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
