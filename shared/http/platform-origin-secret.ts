import { platformSecret } from '../adapters/platform-secret.ts';
import type { OriginSecret } from './edge-origin.ts';

/**
 * ORIGIN_VERIFY_SECRET_ARN (Secrets Manager, cached as the platform's other secrets), when deployed behind the
 * edge. Apart from edge-origin.ts: only the functions reachable without a token read it, so only their bundles
 * carry the Secrets Manager client for it.
 */
export const platformOriginSecret: OriginSecret = async () => {
  const { config } = await import('../config.ts');
  if (!config.ORIGIN_VERIFY_SECRET_ARN) return undefined;
  return platformSecret({
    name: 'origin verify secret',
    arn: config.ORIGIN_VERIFY_SECRET_ARN,
    local: undefined,
    arnVariable: 'ORIGIN_VERIFY_SECRET_ARN',
  });
};
