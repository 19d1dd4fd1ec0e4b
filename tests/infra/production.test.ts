/**
 * A production stage (`egov:stage=prod`) refuses the development defaults: each missing setting is
 * named, so one failed synthesis tells ops everything still to provide.
 */
import { describe, expect, it } from 'vitest';
import { partnerNames } from '../../shared/domain/partners/partner.ts';
import { productionContext as complete } from './production-context.ts';
import { synthesizeApp } from './synth.ts';

describe('a production stage', () => {
  it('names every setting it lacks with cdk.json’s development context', () => {
    let message = '';
    try {
      synthesizeApp({ 'egov:stage': 'prod' });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const missing of [
      'egov:jwtIssuer',
      'egov:domainName',
      `egov:partnerUrls (${partnerNames.join(', ')})`,
      'egov:smsGatewayUrl',
      'egov:emailFrom',
      'egov:alarmEmail',
      'egov:signingKeys',
      'egov:organisationSigningKeys',
    ]) {
      expect(message).toContain(missing);
    }
  });

  it('names only what is still missing', () => {
    const { 'egov:smsGatewayUrl': _gateway, ...withoutGateway } = complete;
    expect(() => synthesizeApp(withoutGateway)).toThrow(/lacks:\n {2}- egov:smsGatewayUrl \(the SMS gateway\)$/);
  });

  it('synthesizes with everything given; a development stage with cdk.json’s defaults alone', () => {
    expect(synthesizeApp(complete).stackNames.data).toBe('EgovOneStop-24-prod-Data');
    expect(synthesizeApp({}).stackNames.data).toBe('EgovOneStop-24-dev-Data');
  });
});
