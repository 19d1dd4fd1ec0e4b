/**
 * The HTTP API itself: the API, its stage, throttling and access logs. Its routes live with the
 * functions they invoke (compute.ts): the functions need the API's address (the portal's API_URL) and the routes
 * need the functions, so the API comes first and each compute stack adds its own routes to it.
 */
import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, type HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { logRetention } from './platform-function.ts';
import type { PlatformSettings } from './settings.ts';
import { deploymentIdOf } from '../stack-names.ts';

/** Stage-wide limits: a province's traffic with headroom; per-route limits can tighten them later. */
export const apiThrottle = { rateLimit: 200, burstLimit: 400 } as const;

export interface ApiStackProps extends StackProps {
  settings: PlatformSettings;
}

export class ApiStack extends Stack {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  /** The stage's access logs (one JSON line per request): the 429 count is read from them. */
  readonly accessLogs: LogGroup;
  /** The API's own host name (`<id>.execute-api.<region>.amazonaws.com`): the edge distribution's origin. */
  readonly apiDomain: string;
  /**
   * The token check of every route but the public and partner ones: issuer and audience from context. Its
   * resource is made in this API's scope when the first route uses it, so every compute stack shares it.
   */
  readonly jwtAuthorizer: HttpJwtAuthorizer;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { settings } = props;

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `egov-one-stop-${settings.provinceCode}-${settings.stage}`,
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

    this.apiDomain = `${this.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`;

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: logRetention });
    this.accessLogs = accessLogs;
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: apiThrottle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            // A constant: the dimension of the 429 count read from these lines (infra/stacks/alarms.ts).
            deployment: deploymentIdOf(settings),
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

    this.jwtAuthorizer = new HttpJwtAuthorizer('JwtAuthorizer', settings.jwtIssuer, {
      jwtAudience: [settings.jwtAudience],
      identitySource: ['$request.header.Authorization'],
    });

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url, description: 'Base URL of the HTTP API' });
  }
}
