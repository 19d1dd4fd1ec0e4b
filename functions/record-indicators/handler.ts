import { writtenDossierOf } from '#adapters/dynamo/dossier-repository.ts';
import { recordIndicators } from '#shared/composition/record-indicators.ts';
import { streamHandler } from '#shared/queue/stream-handler.ts';
import { factInputOf } from '#shared/use-cases/record-indicators.ts';

/** Each dossier write with events, from the table's stream: the fact follows the dossier as written. */
export const handler = streamHandler(async (image) => {
  const input = factInputOf(writtenDossierOf(image));
  if (input) await recordIndicators(input);
});
