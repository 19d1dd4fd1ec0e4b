import { recordIndicators } from '#shared/composition/record-indicators.ts';
import { queueHandler } from '#shared/queue/queue-handler.ts';

export const handler = queueHandler('record-indicators', recordIndicators);
