/**
 * The edge (infra/stacks/edge.ts, edge-guard.ts) and the concurrency limits (infra/concurrency.ts) in
 * the synthesized templates: CloudFront before the API with HSTS and nothing cached, the WAF in us-east-1
 * with AWS's managed rule groups and rate limits scoped to the manifest's paths, the province's domain
 * and certificate, reserved concurrency on every function reachable without a token, and a maximum
 * concurrency on every queue's event source mapping.
 */
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import {
  defaultQueueConcurrency,
  defaultQueueConcurrencyOf,
  defaultReservedConcurrency,
  publicFunctions,
  queueConcurrencyBounds,
  readConcurrency,
  totalReserved,
} from '../../infra/concurrency.ts';
import { type FunctionName, functionNames, queueConsumers, specOf } from '../../infra/manifest.ts';
import { edgeRegion, defaultEdgeRateLimits, readEdgeSettings } from '../../infra/stacks/edge-settings.ts';
import { originVerifyHeader } from '../../shared/http/edge-origin.ts';
import { paths } from '../../shared/portal/paths.ts';
import { productionContext } from './production-context.ts';
import {
  computeResources,
  environmentOf,
  producedValue,
  type Resource,
  synthesizeApp,
  synthesizedApp,
  type SynthesizedApp,
} from './synth.ts';

const synthesized = synthesizedApp();
const { templates } = synthesized;

const resourcesOf = (app: Pick<SynthesizedApp, 'templates'>, stack: 'edge' | 'edgeGuard', type: string) =>
  Object.values(app.templates[stack].findResources(type)) as Resource[];
const one = <T>(list: T[]): T => {
  expect(list).toHaveLength(1);
  return list[0] as T;
};
const distributionOf = (app: Pick<SynthesizedApp, 'templates'>) =>
  one(resourcesOf(app, 'edge', 'AWS::CloudFront::Distribution')).Properties.DistributionConfig;
const webAclOf = (app: Pick<SynthesizedApp, 'templates'>) =>
  one(resourcesOf(app, 'edgeGuard', 'AWS::WAFv2::WebACL')).Properties;
const ruleNamed = (app: Pick<SynthesizedApp, 'templates'>, name: string) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- CloudFormation JSON
  (webAclOf(app).Rules as any[]).find((rule) => rule.Name === name);
/** Every string a scope-down statement compares the URI path with, and how. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- CloudFormation JSON
function pathMatches(statement: any): string[] {
  if (statement.OrStatement) return statement.OrStatement.Statements.flatMap(pathMatches);
  if (statement.AndStatement) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- CloudFormation JSON
    const method = statement.AndStatement.Statements.find((s: any) => s.ByteMatchStatement?.FieldToMatch?.Method);
    const rest = statement.AndStatement.Statements.filter((s: unknown) => s !== method).flatMap(pathMatches);
    return rest.map((match: string) => `${method.ByteMatchStatement.SearchString} ${match}`);
  }
  const match = statement.ByteMatchStatement;
  expect(match.FieldToMatch).toEqual({ UriPath: {} });
  expect(match.TextTransformations).toEqual([{ Priority: 0, Type: 'URL_DECODE' }]);
  return [`${match.PositionalConstraint} ${match.SearchString}`];
}
const pathOf = (name: FunctionName): string => {
  const trigger = specOf(name).trigger;
  if (trigger.kind !== 'http') throw new Error(`${name} has no route`);
  return trigger.path;
};

describe('the distribution', () => {
  it('sends everything to the HTTP API, uncached, with every viewer header but Host (Authorization, cookies, query strings)', () => {
    const config = distributionOf(synthesized);
    const origin = one(config.Origins as Array<Record<string, unknown>>);
    const [apiRef, apiHost] = (origin.DomainName as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
    const [apiId] = Object.keys(templates.api.findResources('AWS::ApiGatewayV2::Api'));
    expect(producedValue(templates, apiRef)).toEqual({ Ref: apiId });
    expect(apiHost).toBe('.execute-api.ap-southeast-1.');
    expect(origin.CustomOriginConfig).toMatchObject({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
    const behaviour = config.DefaultCacheBehavior;
    // The managed policies CachingDisabled and AllViewerExceptHostHeader (CloudFront's own ids).
    expect(behaviour.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(behaviour.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
    expect(behaviour.AllowedMethods).toEqual(
      expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
    );
    expect(behaviour.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.CacheBehaviors).toBeUndefined();
  });

  it('adds HSTS and nosniff to every answer, and a default-deny CSP and frame policy where the origin set none', () => {
    const config = distributionOf(synthesized);
    const [policyId] = Object.keys(templates.edge.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    const policy = one(resourcesOf(synthesized, 'edge', 'AWS::CloudFront::ResponseHeadersPolicy')).Properties
      .ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(policy.StrictTransportSecurity).toEqual({
      AccessControlMaxAgeSec: 31_536_000,
      IncludeSubdomains: true,
      Override: true,
    });
    expect(policy.ContentTypeOptions).toEqual({ Override: true });
    expect(policy.FrameOptions).toEqual({ FrameOption: 'DENY', Override: false });
    expect(policy.ContentSecurityPolicy.ContentSecurityPolicy).toContain("frame-ancestors 'none'");
  });

  it('is guarded by the WAF web ACL of the us-east-1 stack, read across regions', () => {
    expect(synthesized.edgeGuard.region).toBe(edgeRegion);
    expect(synthesized.edge.region).toBe(synthesized.api.region);
    const aclId = distributionOf(synthesized).WebACLId;
    expect(aclId['Fn::GetStackOutput']).toMatchObject({
      StackName: synthesized.stackNames.edgeGuard,
      Region: 'us-east-1',
    });
    const [webAclId] = Object.keys(templates.edgeGuard.findResources('AWS::WAFv2::WebACL'));
    expect(producedValue(templates, aclId)).toEqual({ 'Fn::GetAtt': [webAclId, 'Arn'] });
  });

  it('sends the origin-verify secret, resolved by CloudFormation from Secrets Manager, never written in the template', () => {
    const origin = one(distributionOf(synthesized).Origins as Array<Record<string, unknown>>);
    const header = one(origin.OriginCustomHeaders as Array<{ HeaderName: string; HeaderValue: unknown }>);
    expect(header.HeaderName).toBe(originVerifyHeader);
    const [secretId] = Object.keys(templates.edge.findResources('AWS::SecretsManager::Secret'));
    expect(header.HeaderValue).toEqual({
      'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']],
    });
  });

  it('answers on CloudFront’s own domain without egov:domainName: that is every function’s PUBLIC_URL', () => {
    expect(distributionOf(synthesized).Aliases).toBeUndefined();
    const [distributionId] = Object.keys(templates.edge.findResources('AWS::CloudFront::Distribution'));
    for (const name of functionNames) {
      const url = environmentOf(computeResources(synthesized), name).PUBLIC_URL as { 'Fn::Join': [string, unknown[]] };
      const [scheme, domain] = url['Fn::Join'][1];
      expect(scheme).toBe('https://');
      expect(producedValue(templates, domain)).toEqual({ 'Fn::GetAtt': [distributionId, 'DomainName'] });
    }
  });

  it('gives the origin-verify secret to every function reachable without a token, and to no other', () => {
    const resources = computeResources(synthesized);
    for (const name of functionNames) {
      const env = environmentOf(resources, name);
      expect('ORIGIN_VERIFY_SECRET_ARN' in env, name).toBe(publicFunctions.includes(name));
    }
  });
});

describe('the portal’s own calls to the API', () => {
  it('go to the API’s own address (API_URL), not back through the edge; no other function has one', () => {
    const resources = computeResources(synthesized);
    const [apiId] = Object.keys(templates.api.findResources('AWS::ApiGatewayV2::Api'));
    for (const name of functionNames) {
      const env = environmentOf(resources, name);
      if (name === 'portal')
        expect(producedValue(templates, env.API_URL)).toEqual({ 'Fn::GetAtt': [apiId, 'ApiEndpoint'] });
      else expect('API_URL' in env, name).toBe(false);
    }
  });
});

describe('the WAF web ACL', () => {
  it('is CLOUDFRONT-scoped, allows by default, and runs AWS’s managed groups: anonymous addresses counted only', () => {
    const acl = webAclOf(synthesized);
    expect(acl.Scope).toBe('CLOUDFRONT');
    expect(acl.DefaultAction).toEqual({ Allow: {} });
    for (const group of [
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
    ]) {
      const rule = ruleNamed(synthesized, group);
      expect(rule.Statement.ManagedRuleGroupStatement).toMatchObject({ VendorName: 'AWS', Name: group });
      expect(rule.OverrideAction, group).toEqual({ None: {} });
    }
    expect(ruleNamed(synthesized, 'AWSManagedRulesAnonymousIpList').OverrideAction).toEqual({ Count: {} });
    // The API bounds bodies itself, and the portal's forms carry documents: the body size rule only counts;
    // partners' servers need not send a User-Agent to deliver a callback.
    expect(
      ruleNamed(synthesized, 'AWSManagedRulesCommonRuleSet').Statement.ManagedRuleGroupStatement.RuleActionOverrides,
    ).toEqual([
      { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
      { Name: 'NoUserAgent_HEADER', ActionToUse: { Count: {} } },
    ]);
  });

  it('limits each client address over everything, and tighter on the look-up, the signature check and filing', () => {
    const limits = defaultEdgeRateLimits;
    const expected = {
      RatePerClient: limits.perClient,
      RateLookup: limits.lookup,
      RateVerification: limits.verification,
      RateFiling: limits.filing,
    };
    for (const [name, limit] of Object.entries(expected)) {
      const rule = ruleNamed(synthesized, name);
      expect(rule.Statement.RateBasedStatement).toMatchObject({
        AggregateKeyType: 'IP',
        Limit: limit,
        EvaluationWindowSec: limits.windowSeconds,
      });
      // A 429 problem+json in Vietnamese, with Retry-After, as the API's own limits answer.
      expect(rule.Action.Block.CustomResponse).toMatchObject({
        ResponseCode: 429,
        CustomResponseBodyKey: 'rate-limited',
        ResponseHeaders: [{ Name: 'retry-after', Value: String(limits.windowSeconds) }],
      });
    }
    expect(ruleNamed(synthesized, 'RatePerClient').Statement.RateBasedStatement.ScopeDownStatement).toBeUndefined();
    expect(limits.lookup).toBeLessThan(limits.perClient);
    expect(limits.verification).toBeLessThan(limits.perClient);
    expect(limits.filing).toBeLessThan(limits.perClient);
    const body = JSON.parse(webAclOf(synthesized).CustomResponseBodies['rate-limited'].Content);
    expect(body).toMatchObject({ status: 429, code: 'rate-limited', title: 'Quá nhiều yêu cầu' });
  });

  it('scopes the tighter limits down to the manifest’s routes and the portal’s pages for them', () => {
    const scoped = (name: string) =>
      pathMatches(ruleNamed(synthesized, name).Statement.RateBasedStatement.ScopeDownStatement);
    expect(scoped('RateLookup')).toEqual([`STARTS_WITH ${pathOf('lookup-dossier')}`, `STARTS_WITH ${paths.lookup}`]);
    expect(scoped('RateVerification')).toEqual([
      `STARTS_WITH ${pathOf('verify-signature')}`,
      `STARTS_WITH ${paths.verifySignature}`,
    ]);
    expect(specOf('submit-dossier').trigger).toMatchObject({ method: 'POST' });
    expect(scoped('RateFiling')).toEqual([
      `POST EXACTLY ${pathOf('submit-dossier')}`,
      `STARTS_WITH ${paths.fileDossier('')}`,
    ]);
  });

  it('takes its limits from egov:edgeRateLimits, and refuses a window or a limit WAF would refuse', () => {
    const limited = synthesizeApp({ 'egov:edgeRateLimits': { lookup: 30, windowSeconds: 600 } });
    expect(ruleNamed(limited, 'RateLookup').Statement.RateBasedStatement).toMatchObject({
      Limit: 30,
      EvaluationWindowSec: 600,
    });
    expect(ruleNamed(limited, 'RateFiling').Statement.RateBasedStatement.Limit).toBe(defaultEdgeRateLimits.filing);
    const settingsOf = (context: Record<string, unknown>) => readEdgeSettings(new App({ context }));
    expect(() => settingsOf({ 'egov:edgeRateLimits': { windowSeconds: 900 } })).toThrow(/windowSeconds must be one of/);
    expect(() => settingsOf({ 'egov:edgeRateLimits': { lookup: 5 } })).toThrow(/lookup must be between 10/);
    expect(() => settingsOf({ 'egov:edgeRateLimits': { lookups: 50 } })).toThrow(/unknown limit lookups/);
  });
});

describe('the province’s domain', () => {
  const domain = 'dichvucong.bacninh.gov.vn';

  it('with a Route 53 zone: a DNS-validated certificate in us-east-1, the alias on the distribution, A and AAAA records', () => {
    const zoned = synthesizeApp({ 'egov:domainName': domain, 'egov:hostedZoneId': 'Z0123456789ABCDEFGHIJ' });
    const certificate = one(resourcesOf(zoned, 'edgeGuard', 'AWS::CertificateManager::Certificate')).Properties;
    expect(certificate).toMatchObject({
      DomainName: domain,
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: domain, HostedZoneId: 'Z0123456789ABCDEFGHIJ' }],
    });
    const config = distributionOf(zoned);
    expect(config.Aliases).toEqual([domain]);
    expect(config.ViewerCertificate).toMatchObject({
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    expect(config.ViewerCertificate.AcmCertificateArn['Fn::GetStackOutput']).toMatchObject({ Region: 'us-east-1' });
    const records = resourcesOf(zoned, 'edge', 'AWS::Route53::RecordSet').map((r) => r.Properties);
    expect(records.map((r) => r.Type).sort()).toEqual(['A', 'AAAA']);
    for (const record of records) {
      expect(record).toMatchObject({
        HostedZoneId: 'Z0123456789ABCDEFGHIJ',
        Name: `${domain}.`,
        AliasTarget: { HostedZoneId: 'Z2FDTNDATAQYW2' },
      });
    }
    expect(environmentOf(computeResources(zoned), 'portal').PUBLIC_URL).toBe(`https://${domain}`);
  });

  it('with a certificate of its own (a production stage): that ARN, no certificate made, DNS left to the province', () => {
    const prod = synthesizeApp(productionContext);
    const config = distributionOf(prod);
    expect(config.Aliases).toEqual([productionContext['egov:domainName']]);
    expect(config.ViewerCertificate.AcmCertificateArn).toBe(productionContext['egov:certificateArn']);
    expect(resourcesOf(prod, 'edgeGuard', 'AWS::CertificateManager::Certificate')).toEqual([]);
    expect(resourcesOf(prod, 'edge', 'AWS::Route53::RecordSet')).toEqual([]);
    expect(environmentOf(computeResources(prod), 'lookup-dossier').PUBLIC_URL).toBe(
      productionContext['egov:publicUrl'],
    );
  });

  it('refuses a certificate CloudFront cannot serve, a domain without a certificate, and a public URL on another host', () => {
    const settingsOf = (context: Record<string, unknown>) => readEdgeSettings(new App({ context }));
    expect(() =>
      settingsOf({
        'egov:domainName': domain,
        'egov:certificateArn':
          'arn:aws:acm:ap-southeast-1:123456789012:certificate/11111111-2222-3333-4444-555555555555',
      }),
    ).toThrow(/must be a certificate in us-east-1 .* got ap-southeast-1/);
    expect(() => settingsOf({ 'egov:domainName': domain })).toThrow(/needs its certificate/);
    expect(() => settingsOf({ 'egov:domainName': 'https://x.gov.vn' })).toThrow(/must be a host name/);
    expect(() => settingsOf({ 'egov:hostedZoneId': 'Z0123456789ABCDEFGHIJ' })).toThrow(/need egov:domainName/);
    expect(() =>
      synthesizeApp({
        'egov:domainName': domain,
        'egov:hostedZoneId': 'Z0123456789ABCDEFGHIJ',
        'egov:publicUrl': 'https://other.gov.vn',
      }),
    ).toThrow(/must be https:\/\/egov:domainName/);
  });
});

describe('concurrency', () => {
  const functionsOf = (app: Pick<SynthesizedApp, 'templates'>) => computeResources(app);
  const functionNamed = (resources: Record<string, Resource>, name: FunctionName) =>
    one(
      Object.values(resources).filter(
        (r) =>
          r.Type === 'AWS::Lambda::Function' &&
          (r.Properties.Tags as Array<{ Key: string; Value: string }>).some(
            (t) => t.Key === 'egov:function' && t.Value === name,
          ),
      ),
    );

  it('reserves concurrency for every function reachable without a token, and for no other', () => {
    expect(Object.keys(defaultReservedConcurrency).sort()).toEqual([...publicFunctions].sort());
    const resources = functionsOf(synthesized);
    for (const name of functionNames) {
      const reserved = functionNamed(resources, name).Properties.ReservedConcurrentExecutions;
      expect(reserved, name).toBe((defaultReservedConcurrency as Partial<Record<FunctionName, number>>)[name]);
    }
    expect(defaultReservedConcurrency['verify-signature']).toBeGreaterThan(0);
  });

  it('reserves few enough that two stages leave the account’s default 1,000 well over Lambda’s minimum of 100 unreserved', () => {
    const total = totalReserved(readConcurrency(new App()));
    expect(total).toBe(210);
    expect(1000 - 2 * total).toBeGreaterThanOrEqual(100);
  });

  it('bounds every queue consumer’s event source mapping', () => {
    // The queues' mappings; the table stream's (relay-events, record-indicators) scale with the stream's shards,
    // not a setting.
    const mappings = Object.values(functionsOf(synthesized)).filter(
      (r) => r.Type === 'AWS::Lambda::EventSourceMapping' && r.Properties.ScalingConfig !== undefined,
    );
    const all = Object.values(functionsOf(synthesized)).filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping');
    const streamConsumers = functionNames.filter((name) => specOf(name).trigger.kind === 'stream');
    expect(streamConsumers).toEqual(['record-indicators', 'relay-events']);
    expect(all.length - mappings.length).toBe(streamConsumers.length);
    expect(mappings).toHaveLength(queueConsumers.length);
    for (const mapping of mappings) {
      const max = mapping.Properties.ScalingConfig?.MaximumConcurrency;
      expect(max).toBeGreaterThanOrEqual(queueConcurrencyBounds.min);
      expect(max).toBeLessThanOrEqual(queueConcurrencyBounds.max);
    }
    const total = mappings.reduce((sum, m) => sum + (m.Properties.ScalingConfig.MaximumConcurrency as number), 0);
    expect(total).toBe(
      queueConsumers.reduce((sum, name) => sum + (defaultQueueConcurrencyOf[name] ?? defaultQueueConcurrency), 0),
    );
  });

  it('takes both from context: egov:reservedConcurrency (or "none") and egov:queueConcurrency', () => {
    const tuned = synthesizeApp({
      'egov:reservedConcurrency': { 'verify-signature': 3 },
      'egov:queueConcurrency': { report: 4 },
    });
    const resources = functionsOf(tuned);
    expect(functionNamed(resources, 'verify-signature').Properties.ReservedConcurrentExecutions).toBe(3);
    expect(functionNamed(resources, 'portal').Properties.ReservedConcurrentExecutions).toBe(
      defaultReservedConcurrency.portal,
    );
    const reportMapping = Object.entries(resources).find(
      ([id, r]) => r.Type === 'AWS::Lambda::EventSourceMapping' && id.startsWith('report'),
    );
    expect(reportMapping?.[1].Properties.ScalingConfig).toEqual({ MaximumConcurrency: 4 });

    expect(readConcurrency(new App({ context: { 'egov:reservedConcurrency': 'none' } })).reserved).toEqual({});
    expect(() => readConcurrency(new App({ context: { 'egov:queueConcurrency': { report: 1 } } }))).toThrow(
      /report must be between 2 and 1000/,
    );
    expect(() => readConcurrency(new App({ context: { 'egov:queueConcurrency': { portal: 5 } } }))).toThrow(
      /portal is not one of/,
    );
  });
});
