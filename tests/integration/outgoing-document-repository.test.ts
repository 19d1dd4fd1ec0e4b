/** The DynamoDB outgoing documents, against the local cloud through the real SDK: the contract every repository keeps. */
import { afterAll, beforeAll, describe } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { outgoingDocumentRepository } from '../../shared/adapters/dynamo/outgoing-document-repository.ts';
import { outgoingDocumentRepositoryContract } from '../support/contracts/outgoing-document-repository.ts';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({ scheduler: false, pollers: false, streams: false });
});
afterAll(() => cloud?.stop());

describe('the DynamoDB outgoing document repository', () => {
  outgoingDocumentRepositoryContract(() => outgoingDocumentRepository(cloud.tableName));
});
