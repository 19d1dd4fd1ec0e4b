/**
 * Prints the monthly CloudWatch alarm cost of the app as synthesized with cdk.json's context (no asset
 * bundling): `npx tsx scripts/alarm-cost.ts`. Extra context as `key=value` arguments.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { alarmCostOf, alarmPrices } from '../infra/alarm-cost.ts';
import { buildApp } from '../infra/app.ts';

const context: Record<string, string> = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const at = arg.indexOf('=');
    return at > 0 ? [arg.slice(0, at), arg.slice(at + 1)] : [arg, ''];
  }),
);
const outdir = mkdtempSync(path.join(tmpdir(), 'egov-alarm-cost-'));
try {
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [], ...context } });
  buildApp(app);
  const assembly = app.synth();
  const stacks = app.node.children.filter((c): c is Stack => Stack.isStack(c));
  const cost = alarmCostOf(stacks.map((s) => assembly.getStackByName(s.stackName).template));
  console.log(
    `${cost.alarms} metric alarms evaluating ${cost.metrics} metrics (US$${alarmPrices.perMetric} each), ` +
      `${cost.composites} composite alarms (US$${alarmPrices.perComposite} each): US$${cost.monthlyUsd.toFixed(2)} a month`,
  );
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
