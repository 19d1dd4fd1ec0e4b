import { describe, expect, it } from 'vitest';
import { CscCredential, inlineCscCredentials } from '../../../shared/adapters/signing/csc-signer.ts';
import { s3SigningEntries } from '../../../shared/adapters/signing/kms-signer.ts';

// The module reads process.env when imported: give it what every function has.
process.env.TABLE_NAME ??= 'egov-unit';
process.env.PUBLIC_URL ??= 'https://egov.example.vn';
process.env.PROVINCE_CODE ??= '24';
const { readConfig } = await import('../../../shared/config.ts');

/** Who each signer is at the CA's service, as ops upload it under the signing configuration prefix. */
describe('the CSC credentials of the signers', () => {
  const files: Record<string, string> = {
    'config/signing/leaders/leader-hung.json': JSON.stringify({ userID: '036085001234', credentialID: 'c-1' }),
    'config/signing/agencies/24.07210.json': JSON.stringify({ userID: 'MST-2300123456' }),
    'config/signing/leaders/leader-empty.json': JSON.stringify({}),
  };
  const source = s3SigningEntries(
    async (key) => files[key],
    'config/signing/',
    (json) => CscCredential.parse(json),
  );

  it('reads a leader’s and an agency’s entry, and nothing for a signer without one', async () => {
    expect(await source.leader('leader-hung')).toEqual({ userID: '036085001234', credentialID: 'c-1' });
    expect(await source.organisation('24.07210')).toEqual({ userID: 'MST-2300123456' });
    expect(await source.leader('leader-son')).toBeUndefined();
    expect(await source.leader('../agencies/24.07210')).toBeUndefined();
  });

  it('refuses an entry naming neither a user nor a credential', async () => {
    await expect(source.leader('leader-empty')).rejects.toThrow('userID or credentialID');
  });

  it('inline: `*` stands for every signer not listed, under their own id', async () => {
    const inline = inlineCscCredentials({ '*': { userID: '*' }, 'leader-son': { credentialID: 'c-9' } }, '');
    expect(await inline.leader('leader-son')).toEqual({ credentialID: 'c-9' });
    expect(await inline.leader('leader-hung')).toEqual({ userID: 'leader-hung' });
    expect(await inline.organisation('24.07210')).toEqual({ userID: 'agency:24.07210' });
    expect(await inlineCscCredentials({}, '').leader('leader-hung')).toBeUndefined();
  });
});

describe('the CSC configuration', () => {
  const base = { TABLE_NAME: 'egov', PUBLIC_URL: 'https://egov.example.vn', PROVINCE_CODE: '24' };

  it('has its defaults', () => {
    expect(readConfig({ ...base, SIGNER: 'csc' })).toMatchObject({
      SIGNER: 'csc',
      CSC_TIMEOUT_MS: 10_000,
      CSC_OPERATION_MODE: 'A',
      CSC_APPROVAL_WAIT_SECONDS: 10,
      CSC_POLL_INTERVAL_MS: 2000,
      CSC_CREDENTIALS: '{}',
    });
  });

  it('refuses an approval wait that two signatures could not fit in the sign function’s 30 s', () => {
    expect(() => readConfig({ ...base, CSC_APPROVAL_WAIT_SECONDS: '20' })).toThrow(/CSC_APPROVAL_WAIT_SECONDS/);
  });
});
