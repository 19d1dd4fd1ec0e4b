/**
 * Stateless compute: every Lambda function of the manifest, and the HTTP API in front of the HTTP ones.
 *
 * Why the functions live here, not with the data: code changes every deployment, data must never be
 * touched by one. Keeping all functions in this one stateless stack (stateful table, bucket and queues
 * in their own stacks, imported by reference) means a deployment, a rollback or even deleting and
 * recreating this stack cannot replace a table or drop a queue, and the stateful stacks change only
 * when the data layout does. The HTTP API sits with the functions it invokes (its Lambda permissions
 * and integrations reference them both ways); schedules and alarms reference them from their own stacks.
 */
import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  type HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { PartnerName } from '../../shared/domain/partners/partner.ts';
import { type FunctionName, functionNames, httpRoutes, partnerOfRoute, usesToken } from '../manifest.ts';
import { logRetention, PlatformFunction } from './platform-function.ts';
import type { PlatformSettings } from './settings.ts';

/** Stage-wide limits: a province's traffic with headroom; per-route limits can tighten them later. */
export const apiThrottle = { rateLimit: 200, burstLimit: 400 } as const;

export interface ApiStackProps extends StackProps {
  settings: PlatformSettings;
  table: ITableV2;
  documents: IBucket;
  queues: ReadonlyMap<FunctionName, IQueue>;
  partnerSecrets: ReadonlyMap<PartnerName, ISecret>;
  recordSealSecret: ISecret;
  lookupPinPepper: ISecret;
}

export class ApiStack extends Stack {
  /** Every function of the manifest, by name. */
  readonly functions = new Map<FunctionName, PlatformFunction>();
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { settings } = props;

    for (const name of functionNames) {
      this.functions.set(
        name,
        new PlatformFunction(this, name, {
          name,
          resources: {
            provinceCode: settings.provinceCode,
            signingKeys: settings.signingKeys,
            organisationSigningKeys: settings.organisationSigningKeys,
            table: props.table,
            documents: props.documents,
            queues: props.queues,
            partnerSecrets: props.partnerSecrets,
            recordSealSecret: props.recordSealSecret,
            lookupPinPepper: props.lookupPinPepper,
            partnerUrls: settings.partnerUrls,
            signIn: { issuer: settings.jwtIssuer, clientId: settings.oidcClientId },
          },
        }),
      );
    }

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: 'egov-one-stop',
      description: 'egov-one-stop: electronic one-stop shop API',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: settings.corsOrigins,
        allowMethods: [
          CorsHttpMethod.GET,
          CorsHttpMethod.POST,
          CorsHttpMethod.PUT,
          CorsHttpMethod.PATCH,
          CorsHttpMethod.DELETE,
          CorsHttpMethod.OPTIONS,
        ],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
        exposeHeaders: ['location', 'retry-after'],
        maxAge: Duration.hours(1),
      },
    });

    // The portal is served by this API under /portal: forms, receipts and results print its look-up page
    // (shared/portal/paths.ts lookupUrl) on the API's own URL, or on the custom domain that fronts it.
    const publicUrl = settings.publicUrl ?? this.httpApi.apiEndpoint;
    for (const fn of this.functions.values()) fn.function.addEnvironment('PUBLIC_URL', publicUrl);

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: logRetention });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: apiThrottle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            sub: '$context.authorizer.claims.sub',
            sourceIp: '$context.identity.sourceIp',
          }),
        ),
      },
    });
    Validations.of(this.stage).acknowledge({
      id: 'Serverless-APIGWXrayEnabled',
      reason: 'HTTP APIs (API Gateway v2) have no X-Ray tracing setting; requests are traced by their request id.',
    });

    const jwt = new HttpJwtAuthorizer('JwtAuthorizer', settings.jwtIssuer, {
      jwtAudience: [settings.jwtAudience],
      identitySource: ['$request.header.Authorization'],
    });
    const none = new HttpNoneAuthorizer();

    for (const route of httpRoutes) {
      const fn = this.functions.get(route.name);
      if (!fn) throw new Error(`No function for route ${route.method} ${route.path}`);
      const httpRoute = new HttpRoute(this, `${route.name}-route`, {
        httpApi: this.httpApi,
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

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url, description: 'Base URL of the HTTP API' });
  }
}
