/**
 * The cloud wiring of SIGNER=csc: `egov:remoteSigning` gives `sign` the CA's service address, its client
 * id and the ARN of the client secret (readable by `sign` alone, its value never in the template), and no
 * KMS key; the signers' credentials and the trusted roots stay under `config/signing/` as for KMS.
 */
import { describe, expect, it } from 'vitest';
import { signingConfigPrefix } from '../../infra/manifest.ts';
import { functionTag } from '../../infra/stacks/platform-function.ts';
import { computeResources, synthesizeApp } from './synth.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- CloudFormation JSON
type Resource = { Type: string; Properties: any };

const clientSecretArn = 'arn:aws:secretsmanager:ap-southeast-1:111122223333:secret:egov/csc-client-AbCdEf';
const remoteSigning = { baseUrl: 'https://rmgateway.example.vn/csc/v2/', clientId: 'egov-bac-ninh', clientSecretArn };

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

function policyOf(api: Record<string, Resource>, fn: Resource): string {
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return JSON.stringify(
    Object.values(api)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(`"${roleId}"`))
      .flatMap((r) => r.Properties.PolicyDocument.Statement),
  );
}

describe('signing through a remote signing service (egov:remoteSigning)', () => {
  const synthesized = synthesizeApp({ 'egov:remoteSigning': remoteSigning });
  const api = computeResources(synthesized);

  it('gives sign the service, the client id and the secret’s ARN, the secret to read, and no KMS key', () => {
    const sign = functionNamed(api, 'sign');
    expect(sign.Properties.Environment.Variables).toMatchObject({
      SIGNER: 'csc',
      CSC_BASE_URL: remoteSigning.baseUrl,
      CSC_CLIENT_ID: remoteSigning.clientId,
      CSC_CLIENT_SECRET_ARN: clientSecretArn,
      SIGNING_CONFIG_PREFIX: signingConfigPrefix,
    });
    const policy = policyOf(api, sign);
    expect(policy).toContain('secretsmanager:GetSecretValue');
    expect(policy).toContain(clientSecretArn);
    expect(policy).toContain(`/${signingConfigPrefix}leaders/*`);
    expect(policy).not.toContain('kms:Sign');
  });

  it('lets no other function read the client secret', () => {
    const readers = Object.values(api).filter(
      (r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties).includes(clientSecretArn),
    );
    expect(readers).toHaveLength(1);
    expect(functionNamed(api, 'verify-signature').Properties.Environment.Variables.SIGNER).toBe('kms');
  });

  it('stays free of unacknowledged findings', () => {
    expect(synthesized.validationReport.pluginReports.flatMap((r) => r.violations)).toEqual([]);
  });

  it('refuses a plain-http service or a secret that is not a Secrets Manager ARN', () => {
    expect(() =>
      synthesizeApp({ 'egov:remoteSigning': { ...remoteSigning, baseUrl: 'http://rmgateway.example.vn/csc/v2/' } }),
    ).toThrow(/egov:remoteSigning must be an https URL/);
    expect(() =>
      synthesizeApp({ 'egov:remoteSigning': { ...remoteSigning, clientSecretArn: 'the-secret-itself' } }),
    ).toThrow(/clientSecretArn must be a Secrets Manager secret ARN/);
  });
});
