/**
 * Stateless compute: the Lambda functions of one audience and the HTTP API's routes to them.
 *
 * Why the functions live apart from the data: code changes every deployment, data must never be
 * touched by one. Stateful table, bucket and queues stay in their own stacks, imported by reference,
 * so a deployment, a rollback or even deleting and recreating a compute stack cannot replace a table or
 * drop a queue. Why several compute stacks: one stack for every function passed 400 of CloudFormation's
 * 500 resources; split by audience (the public, citizens, officials, queue and schedule workers), each
 * stays far below it and a new function lands where its audience is. A route lives with the function it
 * invokes (its integration and Lambda permission reference it); schedules and alarms reference the
 * functions from their own stacks.
 */
import { Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  type IHttpApi,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { PartnerName } from '../../shared/domain/partners/partner.ts';
import type { ConcurrencySettings } from '../concurrency.ts';
import { type FunctionName, functionNames, httpRoutes, partnerOfRoute, specOf, usesToken } from '../manifest.ts';
import { PlatformFunction } from './platform-function.ts';
import { type ComputeGroup, deploymentIdOf } from '../stack-names.ts';
import type { PlatformSettings } from './settings.ts';

/** Each audience in words, for its stack's description. */
export const computeAudiences: Record<ComputeGroup, string> = {
  public: 'public and partner',
  citizens: "citizens'",
  officials: "officials'",
  workers: 'queue and schedule',
};

/**
 * A function's compute stack, from its manifest entry: queue and schedule workers; routes without a
 * token (public pages, partners' webhooks); routes a citizen may call; the officials' own routes.
 */
export function computeGroupOf(name: FunctionName): ComputeGroup {
  const trigger = specOf(name).trigger;
  if (trigger.kind !== 'http') return 'workers';
  if (!usesToken(trigger.auth)) return 'public';
  return trigger.auth.roles.includes('citizen') ? 'citizens' : 'officials';
}

export interface ComputeStackProps extends StackProps {
  group: ComputeGroup;
  settings: PlatformSettings;
  httpApi: IHttpApi;
  /** The Api stack's JWT authorizer: the token routes of every compute stack share it. */
  jwtAuthorizer: IHttpRouteAuthorizer;
  /** The deployment's public URL (the Api stack's): every function gets it as PUBLIC_URL. */
  publicUrl: string;
  table: ITableV2;
  documents: IBucket;
  queues: ReadonlyMap<FunctionName, IQueue>;
  partnerSecrets: ReadonlyMap<PartnerName, ISecret>;
  recordSealSecret: ISecret;
  lookupPinPepper: ISecret;
  /** Reserved and queue concurrency per function (settings.concurrency, infra/concurrency.ts). */
  concurrency: ConcurrencySettings;
  /**
   * The header CloudFront adds to what it forwards (edge.ts): functions reachable without a token read it
   * to refuse requests that bypassed the edge, and to trust CloudFront-Viewer-Address as the caller's.
   */
  originVerifySecret: ISecret;
}

export class ComputeStack extends Stack {
  /** This stack's functions, by name. */
  readonly functions = new Map<FunctionName, PlatformFunction>();

  constructor(scope: Construct, id: string, props: ComputeStackProps) {
    super(scope, id, props);
    const { settings } = props;

    for (const name of functionNames.filter((n) => computeGroupOf(n) === props.group)) {
      const fn = new PlatformFunction(this, name, {
        name,
        resources: {
          provinceCode: settings.provinceCode,
          signingKeys: settings.signingKeys,
          organisationSigningKeys: settings.organisationSigningKeys,
          ...(settings.remoteSigning ? { remoteSigning: settings.remoteSigning } : {}),
          table: props.table,
          documents: props.documents,
          queues: props.queues,
          partnerSecrets: props.partnerSecrets,
          recordSealSecret: props.recordSealSecret,
          lookupPinPepper: props.lookupPinPepper,
          partnerUrls: settings.partnerUrls,
          signIn: { issuer: settings.jwtIssuer, clientId: settings.oidcClientId },
        },
        concurrency: {
          reserved: props.concurrency.reserved[name],
          queue: props.concurrency.queue[name],
        },
      });
      fn.function.addEnvironment('PUBLIC_URL', props.publicUrl);
      // The `deployment` dimension of the business metrics (shared/adapters/business-metrics.ts).
      fn.function.addEnvironment('DEPLOYMENT', deploymentIdOf(settings));
      // Only the dashboard reads them (US$0.30 a month each): written when it is made (egov:dashboard).
      fn.function.addEnvironment('POWERTOOLS_METRICS_DISABLED', String(!settings.dashboard));
      if (specOf(name).access.callsApi) fn.function.addEnvironment('API_URL', props.httpApi.apiEndpoint);
      if (props.group === 'public') {
        props.originVerifySecret.grantRead(fn.function);
        fn.function.addEnvironment('ORIGIN_VERIFY_SECRET_ARN', props.originVerifySecret.secretArn);
      }
      this.functions.set(name, fn);
    }

    const jwt = props.jwtAuthorizer;
    const none = new HttpNoneAuthorizer();

    for (const route of httpRoutes.filter((r) => this.functions.has(r.name))) {
      const fn = this.functions.get(route.name);
      if (!fn) throw new Error(`No function for route ${route.method} ${route.path}`);
      const httpRoute = new HttpRoute(this, `${route.name}-route`, {
        httpApi: props.httpApi,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: new HttpLambdaIntegration(`${route.name}-integration`, fn.function),
        // Roles are checked by the handler (shared/domain); the gateway checks the token itself.
        // Partner routes carry no token: the handler checks the partner's HMAC signature.
        authorizer: usesToken(route.auth) ? jwt : none,
      });
      if (!usesToken(route.auth)) {
        const partner = partnerOfRoute(route.auth);
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: partner
            ? `${route.method} ${route.path} is the ${partner} partner's webhook (infra/manifest.ts): authenticated in the handler by the partner's HMAC-SHA256 signature, timestamp and replay check, not by a token.`
            : `${route.method} ${route.path} is public by design in infra/manifest.ts (auth: 'public'); every other route uses the JWT authorizer.`,
        });
      }
    }
  }
}
