/**
 * The cloud wiring of digital signing: `egov:signingKeys` turned into kms:Sign on exactly those keys
 * for `sign`, the signing configuration under `config/signing/` of the documents bucket, SIGNER=kms.
 */
import { describe, expect, it } from 'vitest';
import { signingConfigPrefix } from '../../infra/manifest.ts';
import { functionTag } from '../../infra/stacks/platform-function.ts';
import { synthesizeApp, synthesizedApp } from './synth.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- CloudFormation JSON
type Resource = { Type: string; Properties: any };

const keys = {
  'leader-son': 'arn:aws:kms:ap-southeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  'leader-ha': 'arn:aws:kms:ap-southeast-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef',
};

function functionNamed(api: Record<string, Resource>, name: string): Resource {
  const found = Object.values(api).filter(
    (r) =>
      r.Type === 'AWS::Lambda::Function' &&
      (r.Properties.Tags as Array<{ Key: string; Value: string }>).some(
        (t) => t.Key === functionTag && t.Value === name,
      ),
  );
  expect(found).toHaveLength(1);
  return found[0] as Resource;
}

/** The statements of the policies attached to the role of `fn`. */
function statementsOf(
  api: Record<string, Resource>,
  fn: Resource,
): Array<{ Action: string | string[]; Resource: unknown }> {
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return Object.values(api)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((r) => r.Properties.PolicyDocument.Statement);
}
const kmsSignStatements = (statements: Array<{ Action: string | string[]; Resource: unknown }>) =>
  statements.filter((s) => [s.Action].flat().includes('kms:Sign'));

describe('signing in the cloud, with egov:signingKeys', () => {
  const synthesized = synthesizeApp({ 'egov:signingKeys': keys });
  const api = synthesized.templates.api.toJSON().Resources as Record<string, Resource>;

  it('lets sign use exactly the configured keys, and read the leaders’ chains', () => {
    const sign = functionNamed(api, 'sign');
    const statements = statementsOf(api, sign);
    expect(kmsSignStatements(statements)).toEqual([
      expect.objectContaining({
        Action: expect.arrayContaining(['kms:Sign', 'kms:GetPublicKey']),
        Effect: 'Allow',
        Resource: expect.arrayContaining(Object.values(keys)),
      }),
    ]);
    expect(kmsSignStatements(statements)[0]?.Resource).toHaveLength(2);
    expect(JSON.stringify(statements)).toContain(`/${signingConfigPrefix}leaders/*`);
    expect(sign.Properties.Environment.Variables).toMatchObject({
      SIGNER: 'kms',
      SIGNING_CONFIG_PREFIX: signingConfigPrefix,
    });
  });

  it('lets verify-signature read the trusted roots, and sign nothing', () => {
    const verify = functionNamed(api, 'verify-signature');
    const statements = statementsOf(api, verify);
    expect(kmsSignStatements(statements)).toEqual([]);
    const policy = JSON.stringify(statements);
    expect(policy).toContain(`/${signingConfigPrefix}trusted-roots.pem`);
    expect(policy).not.toContain(`/${signingConfigPrefix}leaders/`);
    expect(verify.Properties.Environment.Variables).toMatchObject({
      SIGNER: 'kms',
      SIGNING_CONFIG_PREFIX: signingConfigPrefix,
    });
  });

  it('gives no other function a signing key', () => {
    const others = Object.values(api).filter(
      (r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties).includes('kms:Sign"'),
    );
    expect(others).toHaveLength(1);
  });

  it('stays free of unacknowledged findings', () => {
    expect(synthesized.validationReport.pluginReports.flatMap((r) => r.violations)).toEqual([]);
  });

  it('refuses an alias or a malformed ARN', () => {
    expect(() => synthesizeApp({ 'egov:signingKeys': { 'leader-son': 'alias/egov-leader-son' } })).toThrow(
      /egov:signingKeys: the key of leader-son must be a KMS key ARN/,
    );
    expect(() => synthesizeApp({ 'egov:signingKeys': '[1]' })).toThrow(/egov:signingKeys must be an object/);
  });
});

describe('signing in the cloud, without egov:signingKeys', () => {
  it('synthesizes sign without any kms:Sign: nothing can be signed until keys are configured', () => {
    const api = synthesizedApp().templates.api.toJSON().Resources as Record<string, Resource>;
    const sign = functionNamed(api, 'sign');
    expect(kmsSignStatements(statementsOf(api, sign))).toEqual([]);
    expect(sign.Properties.Environment.Variables.SIGNER).toBe('kms');
  });
});
