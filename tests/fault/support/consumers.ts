import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { HandlerLoader, LambdaHandler } from '../../../infra/local/lambda.ts';
import { importHandler } from '../../../infra/local/lambda.ts';
import type { FunctionName } from '../../../infra/manifest.ts';

/** The dossier code an event record is about. */
export const dossierCodeOf = (record: SQSRecord): string =>
  (JSON.parse(record.body) as { dossierCode: string }).dossierCode;

/** What the test does to one consumer's batches, around its real handler. */
export type Wrap = (real: LambdaHandler) => LambdaHandler;

/** Loads the real handlers, each wrapped as the test says for the functions it names. */
export function wrappedHandlers(wraps: Partial<Record<FunctionName, Wrap>>): HandlerLoader {
  return async (name, spec) => {
    const real = await importHandler(name, spec);
    return wraps[name]?.(real) ?? real;
  };
}

/**
 * A consumer that fails the records `poisoned` picks, after the real handler has run them (`after`)
 * or without running them at all (`before`), and passes the rest to the real handler.
 */
export function poisonRecords(
  isPoisoned: (record: SQSRecord) => boolean,
  when: () => 'before' | 'after' | 'off',
): Wrap {
  return (real) =>
    (async (event: SQSEvent, context) => {
      const mode = when();
      const poisoned = mode === 'off' ? [] : event.Records.filter(isPoisoned);
      const healthy = event.Records.filter((r) => !poisoned.includes(r));
      const toRun = mode === 'after' ? event.Records : healthy;
      const result = toRun.length
        ? ((await real({ Records: toRun } as never, context)) as SQSBatchResponse | undefined)
        : undefined;
      return {
        batchItemFailures: [
          ...(result?.batchItemFailures ?? []),
          ...poisoned.map((r) => ({ itemIdentifier: r.messageId })),
        ],
      };
    }) as LambdaHandler;
}
