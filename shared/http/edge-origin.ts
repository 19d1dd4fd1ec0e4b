/**
 * The edge check of the functions reachable without a token (infra/stacks/edge.ts): CloudFront adds
 * {@link originVerifyHeader} with a secret to every request it forwards. A request without it came to
 * the API's execute-api address directly, past the WAF and its rate limits: it is refused. One with it
 * came through CloudFront, whose CloudFront-Viewer-Address is then the caller's own address (API
 * Gateway's source address is one of CloudFront's, shared by everyone behind an edge location): it
 * becomes the request's source address, which the look-up's per-client limit counts.
 * Without a secret configured (the local cloud, tests) neither happens: the header cannot be vouched for.
 */
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Problem } from './problem.ts';

export const originVerifyHeader = 'x-egov-origin-verify';
export const viewerAddressHeader = 'cloudfront-viewer-address';

/** The value CloudFront sends; undefined when the function sits behind no edge. */
export type OriginSecret = () => Promise<string | undefined>;

/** `198.51.100.10:46532` or `2001:db8::1:46532` (CloudFront's format): the address without the port. */
export function viewerAddressOf(value: string | undefined): string | undefined {
  const match = value === undefined ? null : /^([0-9a-fA-F.:]+):(\d{1,5})$/.exec(value.trim());
  return match?.[1] && /[.:]/.test(match[1]) ? match[1] : undefined;
}

const edgeBypassed = () =>
  new Problem(
    403,
    'edge-bypassed',
    'Không được truy cập trực tiếp',
    'Hãy gửi yêu cầu qua địa chỉ công khai của Cổng dịch vụ công.',
  );

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks the edge's header and makes the viewer's address the request's source address. Throws the
 * 403 problem for a request that bypassed the edge. Headers as API Gateway gives them (lower case).
 */
export async function admitFromEdge(event: APIGatewayProxyEventV2, secret: OriginSecret): Promise<void> {
  const expected = await secret();
  if (expected === undefined) return;
  const headers = event.headers ?? {};
  if (!sameSecret(headers[originVerifyHeader], expected)) throw edgeBypassed();
  const viewer = viewerAddressOf(headers[viewerAddressHeader]);
  if (viewer) event.requestContext.http.sourceIp = viewer;
}

/** {@link admitFromEdge} as the first check of httpHandler's stack (after the header normalizer). */
export const edgeOrigin = (secret: OriginSecret): MiddlewareObj<APIGatewayProxyEventV2> => ({
  before: (request) => admitFromEdge(request.event, secret),
});
