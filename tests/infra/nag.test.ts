/**
 * The cdk-nag wiring itself: that the packs run and fail synthesis, that pattern acknowledgements
 * cover only what they match, the documents-access path of the function construct, and the context
 * (issuer, audience, origins, alarm e-mail) flowing into a nag-clean app.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { PolicyValidationReportJson } from 'aws-cdk-lib/cloud-assembly-schema';
import { describe, expect, it } from 'vitest';
import { acknowledgeWildcards, addNagChecks } from '../../infra/nag.ts';
import { PlatformFunction } from '../../infra/stacks/platform-function.ts';
import { synthesizeApp, tempDir } from './synth.ts';

/** Synthesizes a small app with the nag packs; returns the findings (`rule construct-path`) it reports. */
function findingsOf(build: (stack: Stack) => void): string[] {
  const outdir = tempDir('egov-nag-');
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
  build(new Stack(app, 'Probe', { env: { region: 'ap-southeast-1' } }));
  addNagChecks(app);
  try {
    app.synth();
  } catch (error) {
    // An unacknowledged error fails synthesis (in memory, as under vitest); the report is on disk.
    expect(String(error)).toMatch(/ValidationFailed|Validation failed/);
  }
  const report = JSON.parse(
    readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'),
  ) as PolicyValidationReportJson;
  return report.pluginReports.flatMap((r) =>
    r.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} ${c.constructPath}`)),
  );
}

describe('cdk-nag wiring', () => {
  it('runs the AwsSolutions and Serverless packs and fails synthesis on their findings', () => {
    const findings = findingsOf((stack) => new Queue(stack, 'Plain'));
    expect(findings).toContain('AwsSolutions-SQS3 Probe/Plain/Resource');
    expect(findings).toContain('AwsSolutions-SQS4 Probe/Plain/Resource');
    expect(findings).toContain('Serverless-SQSRedrivePolicy Probe/Plain/Resource');
  });

  it('acknowledges only the IAM5 findings a pattern matches, under its scope', () => {
    const findings = findingsOf((stack) => {
      const role = new Role(stack, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
      const bucket = new Bucket(stack, 'Bucket', { encryption: BucketEncryption.S3_MANAGED, enforceSSL: true });
      Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S1', reason: 'A probe bucket that never exists.' });
      role.addToPolicy(
        new PolicyStatement({ actions: ['s3:GetObject*'], resources: [bucket.arnForObjects('reports/*')] }),
      );
      acknowledgeWildcards(role, /^Action::s3:GetObject\*$/, 'A test acknowledgement: reading report objects.');
    });
    expect(findings.filter((f) => f.startsWith('AwsSolutions-IAM5'))).toEqual([
      expect.stringMatching(/^AwsSolutions-IAM5\[Resource::<Bucket[0-9A-F]+\.Arn>\/reports\/\*\] Probe\/Role\//),
    ]);
  });

  it('grants documents access by key prefix, with its variable, nag-clean', () => {
    let probe: Stack | undefined;
    const findings = findingsOf((stack) => {
      probe = stack;
      const documents = new Bucket(stack, 'DocumentsBucket', {
        encryption: BucketEncryption.S3_MANAGED,
        enforceSSL: true,
      });
      Validations.of(documents).acknowledge({ id: 'AwsSolutions-S1', reason: 'A probe bucket that never exists.' });
      new PlatformFunction(stack, 'Fn', {
        name: 'get-dossier',
        spec: {
          description: 'probe',
          entry: 'functions/health/handler.ts',
          trigger: { kind: 'http', method: 'GET', path: '/v1/probe', auth: 'public' },
          access: { documents: { prefixes: ['dossiers/'], mode: 'readwrite' } },
          memoryMb: 128,
          timeoutSeconds: 3,
        },
        resources: { provinceCode: '24', documents, queues: new Map() },
      });
    });
    expect(findings).toEqual([]);
    if (!probe) throw new Error('no probe stack');
    const template = Template.fromStack(probe);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { DOCUMENTS_BUCKET: { Ref: Match.stringLikeRegexp('^DocumentsBucket') } } },
    });
    const policy = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(policy).toContain('/dossiers/*');
    expect(policy).not.toMatch(/"Arn"\]\},"\/\*"\]/);
  });
});

describe('context', () => {
  const custom = {
    'egov:jwtIssuer': 'https://sso.example.vn/realms/test',
    'egov:jwtAudience': 'test-audience',
    'egov:corsOrigins': ['https://a.example.vn', 'https://b.example.vn'],
    'egov:alarmEmail': 'ops@example.vn',
    'egov:provinceCode': '01',
  };
  const synthesized = synthesizeApp(custom);
  const { api, observability } = synthesized.templates;

  it('flows into the authorizer, CORS, functions and the alarm subscription', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: { Issuer: custom['egov:jwtIssuer'], Audience: [custom['egov:jwtAudience']] },
    });
    api.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: { AllowOrigins: custom['egov:corsOrigins'] },
    });
    for (const fn of Object.values(api.findResources('AWS::Lambda::Function'))) {
      expect(fn.Properties.Environment.Variables.PROVINCE_CODE).toBe('01');
    }
    observability.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: custom['egov:alarmEmail'],
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AlarmEmailDeadLetterQueue'), 'Arn'] },
      },
    });
  });

  it('stays free of unacknowledged findings with an e-mail subscription', () => {
    expect(synthesized.validationReport.pluginReports.flatMap((r) => r.violations)).toEqual([]);
  });

  it('refuses a wildcard CORS origin', () => {
    expect(() => synthesizeApp({ 'egov:corsOrigins': ['*'] })).toThrow(/exact origins/);
  });
});
