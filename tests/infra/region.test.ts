/**
 * Where the data lives: `egov:region` or Singapore, never the CLI's default region, and only a region
 * of `egov:allowedRegions`. No synthesis here: the region is decided before any stack is built.
 */
import { App } from 'aws-cdk-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { regionOf } from '../../infra/app.ts';

const cliRegion = process.env.CDK_DEFAULT_REGION;
afterEach(() => {
  if (cliRegion === undefined) delete process.env.CDK_DEFAULT_REGION;
  else process.env.CDK_DEFAULT_REGION = cliRegion;
});

describe('the deployment region', () => {
  it('is Singapore without egov:region, whatever region the CDK CLI sets', () => {
    // The CLI exports its profile's region (us-east-1 when none is configured) to every app it runs.
    process.env.CDK_DEFAULT_REGION = 'us-east-1';
    expect(regionOf(new App())).toBe('ap-southeast-1');
  });

  it('is egov:region when the province allows it', () => {
    const app = new App({ context: { 'egov:region': 'ap-southeast-7', 'egov:allowedRegions': ['ap-southeast-7'] } });
    expect(regionOf(app)).toBe('ap-southeast-7');
  });

  it('refuses a region outside egov:allowedRegions, naming both', () => {
    expect(() => regionOf(new App({ context: { 'egov:region': 'us-east-1' } }))).toThrow(
      /egov:region us-east-1 is not in egov:allowedRegions \(ap-southeast-1\)/,
    );
  });
});
