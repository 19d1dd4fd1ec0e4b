import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { RosterLookup } from '../adapters/cached-roster.ts';
import { isOfficialRole } from '../domain/official.ts';
import { type AuthOf, type FunctionName, functionSettings } from '../function-settings.ts';
import { logger } from '../observability.ts';
import {
  defaultMaxBodyBytes,
  type HttpEvent,
  type ParsedRequest,
  parseRequest,
  type RequestSchemas,
} from './parse-request.ts';
import { platformRoster } from './platform-roster.ts';
import { edgeOrigin, type OriginSecret } from './edge-origin.ts';
import { problemErrors } from './problem-errors.ts';
import { rosterCheck } from './roster-check.ts';
import { partnerOfRoute, usesToken } from './route.ts';
import { jsonSecurityHeaders } from './security-headers.ts';

export interface Reply {
  status: number;
  body?: unknown;
  /** A file answered as it is (a PDF): sent base64-encoded, as API Gateway expects; give its content-type. */
  file?: Uint8Array;
  headers?: Record<string, string>;
}

export interface HttpHandlerOptions<S extends RequestSchemas> {
  schemas?: S;
  /** Extra middlewares that run after validation, e.g. `idempotencyKeyHeader()`. */
  middlewares?: MiddlewareObj[];
  maxBodyBytes?: number;
  /** A partner route's signature check (partnerWebhook()); it runs before the body is parsed. Required on partner routes. */
  signature?: MiddlewareObj<HttpEvent>;
  /** Where officials are checked against the roster; default the platform's table, cached (platform-roster.ts). */
  roster?: () => RosterLookup;
  /**
   * What CloudFront sends on routes without a token (edge-origin.ts): the platform's secret
   * (platform-origin-secret.ts) in a function's handler. Required on those routes, given by the handler so
   * that only their bundles carry the Secrets Manager client.
   */
  originSecret?: OriginSecret;
}

/**
 * The one middy stack every HTTP function uses: logger → header normalizer → auth and validation →
 * the officials' roster check → the function's own middlewares → the use case; errors become problem+json.
 */
export function httpHandler<N extends FunctionName, S extends RequestSchemas = Record<never, never>>(
  name: N,
  options: HttpHandlerOptions<S> = {},
) {
  // Its route, from its environment (the manifest's entry, infra/function-settings.ts); read once, at init.
  const route = functionSettings(name).route;
  if (!route) throw new Error(`${name} is not an HTTP function`);
  if (partnerOfRoute(route.auth) && !options.signature)
    throw new Error(`${name} is a partner route: it needs a signature check`);
  const { originSecret } = options;
  if (!usesToken(route.auth) && !originSecret)
    throw new Error(`${name} is reachable without a token: it needs the edge's origin check (originSecret)`);
  // Officials are checked against the roster on every request of a route they may call (their read access
  // to the table is checked where the settings are made).
  const officialsCall = usesToken(route.auth) && route.auth.roles.some(isOfficialRole);
  return {
    handle(useCase: (request: ParsedRequest<S, AuthOf<N>>) => Promise<Reply>) {
      const core = async (event: HttpEvent, _context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
        const reply = await useCase(event.parsed as ParsedRequest<S, AuthOf<N>>);
        return {
          statusCode: reply.status,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'cache-control': 'no-store',
            ...reply.headers,
            ...jsonSecurityHeaders,
          },
          ...(reply.file
            ? { body: Buffer.from(reply.file).toString('base64'), isBase64Encoded: true }
            : reply.body === undefined
              ? {}
              : { body: JSON.stringify(reply.body) }),
        };
      };
      const stack = middy<HttpEvent, APIGatewayProxyStructuredResultV2>(core)
        .use(problemErrors())
        .use(injectLambdaContext(logger, { resetKeys: true }) as MiddlewareObj<HttpEvent>)
        .use(httpHeaderNormalizer() as MiddlewareObj<HttpEvent>);
      // Routes without a token: only through the edge, its WAF and rate limits (the JWT authorizer guards the others).
      if (originSecret && !usesToken(route.auth)) stack.use(edgeOrigin(originSecret));
      if (options.signature) stack.use(options.signature);
      stack.use(parseRequest(route.auth, options.schemas ?? {}, options.maxBodyBytes ?? defaultMaxBodyBytes));
      if (officialsCall) {
        stack.use(rosterCheck(options.roster ?? platformRoster, { concurrent: route.method === 'GET' }));
      }
      for (const middleware of options.middlewares ?? []) stack.use(middleware as MiddlewareObj<HttpEvent>);
      return stack;
    },
  };
}
