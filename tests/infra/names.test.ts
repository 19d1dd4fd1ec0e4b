/**
 * Two stages of one province, and two provinces, deploy side by side in one account: no stack and no
 * named resource in common (CloudFormation refuses a second stack, SQS a second queue, of one name).
 */
import { describe, expect, it } from 'vitest';
import { productionContext } from './production-context.ts';
import { synthesizeApp } from './synth.ts';

/** Properties that name a resource account-wide, by type (an authorizer's Name is only unique within its API). */
const namingProperties: Record<string, string> = {
  'AWS::SQS::Queue': 'QueueName',
  'AWS::ApiGatewayV2::Api': 'Name',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::DynamoDB::GlobalTable': 'TableName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::SecretsManager::Secret': 'Name',
  'AWS::Scheduler::Schedule': 'Name',
  'AWS::WAFv2::WebACL': 'Name',
  'AWS::CloudFront::ResponseHeadersPolicy': 'ResponseHeadersPolicyConfig.Name',
};

function physicalNames(context: Record<string, unknown>): Set<string> {
  const synthesized = synthesizeApp(context);
  const names = new Set<string>(Object.values(synthesized.stackNames));
  for (const template of Object.values(synthesized.templates)) {
    const resources = template.toJSON().Resources as Record<
      string,
      { Type: string; Properties?: Record<string, unknown> }
    >;
    for (const resource of Object.values(resources)) {
      const key = namingProperties[resource.Type];
      // A dotted key names a nested property (`ResponseHeadersPolicyConfig.Name`).
      const value = key
        ? key
            .split('.')
            .reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], resource.Properties)
        : undefined;
      if (typeof value === 'string') names.add(value);
    }
  }
  return names;
}

describe('physical names', () => {
  const deployments = [
    { 'egov:provinceCode': '24', 'egov:stage': 'dev' },
    { ...productionContext, 'egov:provinceCode': '24', 'egov:stage': 'prod' },
    { 'egov:provinceCode': '01', 'egov:stage': 'dev' },
    { ...productionContext, 'egov:provinceCode': '01', 'egov:stage': 'prod' },
  ];
  const named = deployments.map((context) => ({ context, names: physicalNames(context) }));

  it('hold the province and the stage, so no two deployments share one', () => {
    for (const { context, names } of named) {
      // Every stack, every queue, the API, the WAF web ACL and the edge's headers policy are named.
      expect(names.size, JSON.stringify(context)).toBeGreaterThan(20);
      for (const name of names) {
        expect(name, name).toContain(context['egov:provinceCode']);
        expect(name.toLowerCase(), name).toContain(context['egov:stage']);
      }
    }
    for (const [i, a] of named.entries()) {
      for (const b of named.slice(i + 1)) {
        const common = [...a.names].filter((name) => b.names.has(name));
        expect(common, `${JSON.stringify(a.context)} and ${JSON.stringify(b.context)}`).toEqual([]);
      }
    }
  });

  it('refuses a stage that cannot be part of a name', () => {
    expect(() => synthesizeApp({ 'egov:stage': 'Prod 2' })).toThrow(/egov:stage must be 2–12 lower-case letters/);
  });
});
