import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One logger per process. Log ids (dossier code, request id, subject), never names, citizen id
 * numbers or phone numbers: the personal-data rules forbid them in logs.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'egov-one-stop' });
