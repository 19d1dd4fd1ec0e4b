/**
 * The cloud wiring of digital signing: `egov:signingKeys` (leaders) and `egov:organisationSigningKeys`
 * (agencies) turned into kms:Sign for `sign` on the signing keys of their accounts and Regions (tagged
 * egov:signing=results: one statement, however many keys), the signing configuration under
 * `config/signing/` of the documents bucket, SIGNER=kms.
 */
import { describe, expect, it } from 'vitest';
import { signingConfigPrefix } from '../../infra/manifest.ts';
import { functionTag } from '../../infra/stacks/platform-function.ts';
import { synthesizeApp, synthesizedApp, computeResources } from './synth.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- CloudFormation JSON
type Resource = { Type: string; Properties: any };

const keys = {
  'leader-son': 'arn:aws:kms:ap-southeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  'leader-ha': 'arn:aws:kms:ap-southeast-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef',
};
const organisationKeys = {
  '24.SXD': 'arn:aws:kms:ap-southeast-1:111122223333:key/2234abcd-12ab-34cd-56ef-1234567890ab',
  '24.07210': 'arn:aws:kms:ap-southeast-1:111122223333:key/3234abcd-12ab-34cd-56ef-1234567890ab',
};
/** n keys of one account and Region, as a province with many leaders and agencies declares them. */
const many = (n: number, prefix: string) =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      `${prefix}${i}`,
      `arn:aws:kms:ap-southeast-1:111122223333:key/${String(i).padStart(8, '0')}-12ab-34cd-56ef-1234567890ab`,
    ]),
  );

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

describe('signing in the cloud, with egov:signingKeys and egov:organisationSigningKeys', () => {
  const synthesized = synthesizeApp({ 'egov:signingKeys': keys, 'egov:organisationSigningKeys': organisationKeys });
  const api = computeResources(synthesized);

  it('lets sign use the signing keys of the configured keys’ account, and read the leaders’ and agencies’ chains', () => {
    const sign = functionNamed(api, 'sign');
    const statements = statementsOf(api, sign);
    expect(kmsSignStatements(statements)).toEqual([
      {
        Action: ['kms:GetPublicKey', 'kms:Sign'],
        Effect: 'Allow',
        Resource: 'arn:aws:kms:ap-southeast-1:111122223333:key/*',
        Condition: { StringEquals: { 'aws:ResourceTag/egov:signing': 'results' } },
      },
    ]);
    expect(JSON.stringify(statements)).toContain(`/${signingConfigPrefix}leaders/*`);
    expect(JSON.stringify(statements)).toContain(`/${signingConfigPrefix}agencies/*`);
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

  it('keeps one statement of constant size however many leaders and agencies sign', () => {
    const large = synthesizeApp({
      'egov:signingKeys': many(300, 'leader-'),
      'egov:organisationSigningKeys': many(120, '24.A'),
    });
    const resources = computeResources(large);
    const statements = kmsSignStatements(statementsOf(resources, functionNamed(resources, 'sign')));
    expect(statements).toEqual(kmsSignStatements(statementsOf(api, functionNamed(api, 'sign'))));
  });

  it('refuses an alias or a malformed ARN', () => {
    expect(() => synthesizeApp({ 'egov:signingKeys': { 'leader-son': 'alias/egov-leader-son' } })).toThrow(
      /egov:signingKeys: the key of leader-son must be a KMS key ARN/,
    );
    expect(() => synthesizeApp({ 'egov:signingKeys': '[1]' })).toThrow(/egov:signingKeys must be an object/);
    expect(() => synthesizeApp({ 'egov:organisationSigningKeys': { '24 SXD': organisationKeys['24.SXD'] } })).toThrow(
      /egov:organisationSigningKeys: "24 SXD" is not a valid agency id/,
    );
  });
});

describe('signing in the cloud, without egov:signingKeys', () => {
  it('synthesizes sign without any kms:Sign: nothing can be signed until keys are configured', () => {
    const api = computeResources(synthesizedApp());
    const sign = functionNamed(api, 'sign');
    expect(kmsSignStatements(statementsOf(api, sign))).toEqual([]);
    expect(sign.Properties.Environment.Variables.SIGNER).toBe('kms');
  });
});
