import type { Construct } from 'constructs';

/**
 * A context value that is a JSON object: an object in cdk.json, or its text with `-c key='{…}'`.
 * Undefined when unset or empty; `shape` says what it maps, for the error ("leader sub to KMS key ARN").
 */
export function contextObject(scope: Construct, key: string, shape: string): Record<string, unknown> | undefined {
  let raw: unknown = scope.node.tryGetContext(key);
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      throw new Error(`Context ${key} must be a JSON object of ${shape}`);
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(`Context ${key} must be an object of ${shape}`);
  }
  return raw as Record<string, unknown>;
}
