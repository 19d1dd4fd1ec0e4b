/**
 * One address for the public look-up (shared/portal/paths.ts lookupUrl): what the QR code on every
 * form carries is the portal's look-up page, with the code under the name the page reads.
 */
import { describe, expect, it } from 'vitest';
import { lookupCodeParam, lookupUrl, paths } from '../../../shared/portal/paths.ts';

describe('the look-up address', () => {
  it('is the portal’s look-up page on the deployment’s public URL, with the code the page prefills', () => {
    expect(lookupUrl('https://abc123.execute-api.ap-southeast-1.amazonaws.com', '24.07210-260309-0001')).toBe(
      'https://abc123.execute-api.ap-southeast-1.amazonaws.com/portal/tra-cuu-ho-so?code=24.07210-260309-0001',
    );
    expect(lookupCodeParam).toBe('code');
    expect(new URL(lookupUrl('http://127.0.0.1:3000')).pathname).toBe(paths.lookup);
  });

  it('keeps the path of a custom domain’s API mapping, with or without a trailing slash', () => {
    for (const base of ['https://dichvucong.example.vn/mot-cua', 'https://dichvucong.example.vn/mot-cua/']) {
      expect(lookupUrl(base, 'X-1')).toBe('https://dichvucong.example.vn/mot-cua/portal/tra-cuu-ho-so?code=X-1');
    }
  });
});
