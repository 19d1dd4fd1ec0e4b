/**
 * Synthesis shared by the infra tests: the whole app (as `cdk synth` builds it, cdk.json context
 * included) without asset bundling, synthesized once per test file (module instance) and cached.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { PolicyValidationReportJson } from 'aws-cdk-lib/cloud-assembly-schema';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { IConstruct } from 'constructs';
import { afterAll } from 'vitest';
import { buildApp, type EgovApp } from '../../infra/app.ts';
import { computeStacks, type StackKey, stackKeys } from '../../infra/stack-names.ts';
import { functionTag } from '../../infra/stacks/platform-function.ts';

export type { StackKey };
export type Templates = Record<StackKey, Template>;

export interface SynthesizedApp extends EgovApp {
  assembly: CloudAssembly;
  templates: Templates;
  /** `<cdk.out>/validation-report.json`: the cdk-nag packs' and CDK's own CloudFormation validation. */
  validationReport: PolicyValidationReportJson;
}

const tempDirs: string[] = [];
// Helpers load once per test file: the directories of a file go when its tests are done.
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the tests of the file that made it. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Synthesizes a fresh app; `context` adds to (and overrides) cdk.json's context. */
export function synthesizeApp(context: Record<string, unknown> = {}): SynthesizedApp {
  const outdir = tempDir('egov-cdk-');
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const built = buildApp(app);
  const assembly = app.synth();
  const templates = Object.fromEntries(stackKeys.map((key) => [key, Template.fromStack(built[key])])) as Templates;
  stackNamesOf.set(templates, built.stackNames);
  const validationReport = JSON.parse(
    readFileSync(path.join(assembly.directory, 'validation-report.json'), 'utf8'),
  ) as PolicyValidationReportJson;
  return { ...built, assembly, templates, validationReport };
}

let shared: SynthesizedApp | undefined;

/** The app with cdk.json's context, synthesized on first use and shared by the tests of one file. */
export function synthesizedApp(): SynthesizedApp {
  shared ??= synthesizeApp();
  return shared;
}

/**
 * Route keys of the HTTP API in the synthesized template (`GET /v1/dossiers/{code}`), sorted:
 * what a deployment exposes, for comparison with the routes the local cloud mounts.
 */
export function synthesizedRouteKeys(): string[] {
  const { templates } = synthesizedApp();
  return Object.values(templates)
    .flatMap((t) => Object.values(t.findResources('AWS::ApiGatewayV2::Route')))
    .map((route) => (route.Properties as { RouteKey: string }).RouteKey)
    .sort();
}

type Json = unknown;

/** The stack names each synthesis gave its templates (they hold the province and the stage). */
const stackNamesOf = new WeakMap<Templates, Record<StackKey, string>>();

/**
 * The producing stack's value behind a cross-stack reference (`Fn::GetStackOutput`, or
 * `Fn::ImportValue` with strong references), e.g. `{ 'Fn::GetAtt': ['Table…', 'Arn'] }`; other
 * values are returned unchanged.
 */
export function producedValue(templates: Templates, value: Json): Json {
  const names = stackNamesOf.get(templates);
  if (!names) throw new Error('Templates not made by synthesizeApp');
  const byStackName = new Map<string, Record<string, unknown>>(
    stackKeys.map((key) => [names[key], templates[key].toJSON()]),
  );
  if (value && typeof value === 'object' && 'Fn::GetStackOutput' in value) {
    const ref = (value as { 'Fn::GetStackOutput': { StackName: string; OutputName: string } })['Fn::GetStackOutput'];
    const outputs = byStackName.get(ref.StackName)?.Outputs as Record<string, { Value: Json }> | undefined;
    const output = outputs?.[ref.OutputName];
    if (!output) throw new Error(`No output ${ref.OutputName} in ${ref.StackName}`);
    return output.Value;
  }
  if (value && typeof value === 'object' && 'Fn::ImportValue' in value) {
    const name = (value as { 'Fn::ImportValue': string })['Fn::ImportValue'];
    for (const template of byStackName.values()) {
      const outputs = (template.Outputs ?? {}) as Record<string, { Value: Json; Export?: { Name: string } }>;
      for (const output of Object.values(outputs)) if (output.Export?.Name === name) return output.Value;
    }
    throw new Error(`No export ${name}`);
  }
  return value;
}

/** `Ref`/`Fn::GetAtt` target of a (resolved) value: the logical id it points at, if any. */
export function logicalIdOf(value: Json): string | undefined {
  if (value && typeof value === 'object') {
    if ('Ref' in value) return (value as { Ref: string }).Ref;
    if ('Fn::GetAtt' in value) return (value as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  }
  return undefined;
}

/** Every acknowledgement in the construct tree: rule id, reason, and where it was made. */
export function acknowledgements(root: IConstruct): Array<{ id: string; reason: string; path: string }> {
  const found: Array<{ id: string; reason: string; path: string }> = [];
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [qualified, reason] of Object.entries(entry.data as Record<string, string>)) {
        found.push({ id: qualified.replace(/^annotation::/i, ''), reason, path: construct.node.path });
      }
    }
  }
  return found;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- CloudFormation JSON
export type Resource = { Type: string; Properties: any };

/** The environment variables of the manifest function `name` among a template's resources. */
export function environmentOf(resources: Record<string, Resource>, name: string): Record<string, unknown> {
  const [fn] = Object.values(resources).filter(
    (r) =>
      r.Type === 'AWS::Lambda::Function' &&
      (r.Properties.Tags as Array<{ Key: string; Value: string }>).some(
        (t) => t.Key === functionTag && t.Value === name,
      ),
  );
  return (fn?.Properties.Environment.Variables ?? {}) as Record<string, unknown>;
}

/** The compute stacks' keys: every function lives in one of them. */
export const computeStackKeys = Object.values(computeStacks);

/** Every resource of the compute stacks (functions, roles, policies, routes), by logical id. */
export function computeResources(synthesized: Pick<SynthesizedApp, 'templates'>): Record<string, Resource> {
  return Object.assign(
    {},
    ...computeStackKeys.map((key) => synthesized.templates[key].toJSON().Resources as Record<string, Resource>),
  ) as Record<string, Resource>;
}
