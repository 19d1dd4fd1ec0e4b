/**
 * cdk-nag 3 wiring. cdk-nag 3 packs are CDK policy-validation plugins (`Validations.of(app).addPlugins`,
 * no longer Aspects), run at the end of every synthesis: `cdk synth` prints their findings and fails on
 * an unacknowledged error, and the report is written to `<cdk.out>/validation-report.json`.
 * Findings are acknowledged with CDK's `Validations.of(construct).acknowledge({ id, reason })`, next to
 * the construct they concern.
 *
 * One gap: cdk-nag 3 dropped v2's regex `appliesTo`, and an `AwsSolutions-IAM5` finding names its
 * resource as rendered in the template, e.g. `Resource::{"Fn::GetStackOutput":{"StackName":…,
 * "Region":…,"OutputName":"PublishOutputFnGetAttTableCD117FA1Arn27EC6E03"}}/index/*`: generated, and
 * different per region. `acknowledgeWildcards` acknowledges IAM5 findings by pattern instead: a small
 * plugin that runs before the packs, computes the findings with cdk-nag's own rule on the final
 * templates, and records a plain `acknowledge` (with its reason) for each finding the pattern matches.
 */
import {
  App,
  CfnResource,
  type IPolicyValidationContext,
  type IPolicyValidationPlugin,
  type PolicyValidationPluginReport,
  Validations,
} from 'aws-cdk-lib';
import { AwsSolutionsChecks, rules, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

export const nagPackNames = ['AwsSolutions', 'Serverless'] as const;

interface WildcardAcknowledgement {
  scope: IConstruct;
  finding: RegExp;
  reason: string;
}

const pending = new WeakMap<App, WildcardAcknowledgement[]>();

/**
 * Acknowledge the `AwsSolutions-IAM5` findings (`Action::…` or `Resource::…`) of the IAM policies
 * under `scope` that match `finding`. Keep patterns tight: anchor them, and match only the wildcard
 * the reason explains.
 */
export function acknowledgeWildcards(scope: IConstruct, finding: RegExp, reason: string): void {
  const app = scope.node.root;
  if (!App.isApp(app)) throw new Error('acknowledgeWildcards needs a construct inside an App');
  if (finding.global || finding.sticky) throw new Error('acknowledgeWildcards: a stateless pattern (no g or y flag)');
  const list = pending.get(app) ?? [];
  list.push({ scope, finding, reason });
  pending.set(app, list);
}

const iam5 = 'AwsSolutions-IAM5';

function* cfnResources(scope: IConstruct): Generator<CfnResource> {
  for (const node of scope.node.findAll()) if (CfnResource.isCfnResource(node)) yield node;
}

/** Turns pattern acknowledgements into exact ones; reports nothing itself. */
class WildcardAcknowledgements implements IPolicyValidationPlugin {
  readonly name = 'egov-wildcard-acknowledgements';
  constructor(private readonly app: App) {}

  validate(_context: IPolicyValidationContext): PolicyValidationPluginReport {
    for (const { scope, finding, reason } of pending.get(this.app) ?? []) {
      for (const resource of cfnResources(scope)) {
        // A list of findings, or a compliance value when there is none.
        const result = rules.iam.IAMNoWildcardPermissions(resource);
        if (!Array.isArray(result)) continue;
        for (const found of result) {
          if (finding.test(found)) Validations.of(resource).acknowledge({ id: `${iam5}[${found}]`, reason });
        }
      }
    }
    return { success: true, violations: [] };
  }
}

export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(
    new WildcardAcknowledgements(app),
    new AwsSolutionsChecks(app),
    new ServerlessChecks(app),
  );
}
