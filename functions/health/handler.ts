import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** Public liveness probe: answers without touching any dependency, so it stays cheap to poll. */
export const handler = async (): Promise<APIGatewayProxyStructuredResultV2> => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify({ status: 'ok', service: 'egov-one-stop' }),
});
