import { describe, expect, it } from 'vitest';

// The module reads process.env when imported: give it what every function has.
process.env.TABLE_NAME ??= 'egov-unit';
process.env.PUBLIC_URL ??= 'https://egov.example.vn';
process.env.PROVINCE_CODE ??= '01';
const { readConfig } = await import('../../shared/config.ts');

const base = { TABLE_NAME: 'egov', PUBLIC_URL: 'https://egov.example.vn', PROVINCE_CODE: '01' };

describe('configuration from the environment', () => {
  it('fills the defaults and leaves unset optional variables out', () => {
    const config = readConfig({ ...base, PATH: '/usr/bin' });
    expect(config).toMatchObject({
      TABLE_NAME: 'egov',
      EVENT_QUEUES: {},
      PROVINCE_CODE: '01',
      SUPPLEMENT_MODE: 'restart',
      S3_FORCE_PATH_STYLE: false,
      SMS_MAX_SEGMENTS: 1,
      QUEUE_URLS: {},
      ROSTER_CACHE_SECONDS: 60,
      REFERENCE_CACHE_SECONDS: 60,
    });
    expect('DOCUMENTS_BUCKET' in config).toBe(false);
    expect('PATH' in config).toBe(false);
  });

  it('converts numbers, flags and URLs as the platform sets them', () => {
    const config = readConfig({
      ...base,
      S3_FORCE_PATH_STYLE: 'true',
      SMS_GATEWAY_URL: ' https://sms.example.vn/send ',
      EVENT_QUEUES:
        '{"DossierSubmitted":[{"url":" https://sqs/1 "},{"url":"https://sqs/2","actsOn":"texts-applicant","steps":["stop"]}],"DossierRouted":[]}',
      PARTNER_URLS: '{"payments":"http://localhost:4010"}',
    });
    expect(config.S3_FORCE_PATH_STYLE).toBe(true);
    expect(config.SMS_GATEWAY_URL).toBe('https://sms.example.vn/send');
    expect(config.EVENT_QUEUES).toEqual({
      DossierSubmitted: [
        { url: 'https://sqs/1' },
        { url: 'https://sqs/2', actsOn: 'texts-applicant', steps: ['stop'] },
      ],
      DossierRouted: [],
    });
    expect(config.PARTNER_URLS).toEqual({ payments: 'http://localhost:4010' });
  });

  it.each([
    [{ TABLE_NAME: '' }, 'TABLE_NAME'],
    [{ ...base, PROVINCE_CODE: '241' }, 'PROVINCE_CODE'],
    // No province is assumed: a deployment that forgot it fails at start, not filing under another's code.
    [{ TABLE_NAME: 'egov', PUBLIC_URL: 'https://egov.example.vn' }, 'PROVINCE_CODE'],
    [{ ...base, SMS_MAX_SEGMENTS: '1.5' }, 'SMS_MAX_SEGMENTS'],
    [{ ...base, SMS_MAX_SEGMENTS: '6' }, 'SMS_MAX_SEGMENTS'],
    [{ ...base, SMS_SENDER: 'DICHVUCONG-BN' }, 'SMS_SENDER'],
    [{ ...base, SIGNER: 'hsm' }, 'SIGNER'],
    [{ ...base, PUBLIC_URL: 'dichvucong.example.vn' }, 'PUBLIC_URL'],
    [{ ...base, EVENT_QUEUES: '{"DossierFiled":[]}' }, 'EVENT_QUEUES'],
    [{ ...base, EVENT_QUEUES: '["https://sqs/1"]' }, 'EVENT_QUEUES'],
    // The old shape (bare URLs), an interest nobody has, a stray field: a deployment error, not a guess.
    [{ ...base, EVENT_QUEUES: '{"DossierRouted":["https://sqs/1"]}' }, 'EVENT_QUEUES'],
    [{ ...base, EVENT_QUEUES: '{"DossierRouted":[{"url":"https://sqs/1","actsOn":"dances"}]}' }, 'EVENT_QUEUES'],
    [{ ...base, EVENT_QUEUES: '{"DossierRouted":[{"url":"https://sqs/1","when":"always"}]}' }, 'EVENT_QUEUES'],
    [{ ...base, QUEUE_URLS: '{not json' }, 'QUEUE_URLS'],
    [{ ...base, PARTNER_SECRETS: '{"postal":"too-short"}' }, 'PARTNER_SECRETS'],
    [{ ...base, ROSTER_CACHE_SECONDS: '901' }, 'ROSTER_CACHE_SECONDS'],
    [{ ...base, ROSTER_CACHE_SECONDS: '-1' }, 'ROSTER_CACHE_SECONDS'],
    [{ ...base, REFERENCE_CACHE_SECONDS: '901' }, 'REFERENCE_CACHE_SECONDS'],
    [{ ...base, REFERENCE_CACHE_SECONDS: 'soon' }, 'REFERENCE_CACHE_SECONDS'],
  ])('refuses %j, naming %s', (env, field) => {
    expect(() => readConfig(env)).toThrow(`Invalid configuration: ${field}`);
  });

  it('names every wrong variable, in the order they are declared', () => {
    expect(() => readConfig({ ...base, TABLE_NAME: '', PROVINCE_CODE: 'x', SMS_SENDER: '' })).toThrow(
      'Invalid configuration: TABLE_NAME, PROVINCE_CODE, SMS_SENDER',
    );
  });
});
