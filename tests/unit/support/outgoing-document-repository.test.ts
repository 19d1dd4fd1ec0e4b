/** The in-memory outgoing documents keep the contract the DynamoDB adapter keeps (tests/support/contracts). */
import { describe } from 'vitest';
import { outgoingDocumentRepositoryContract } from '../../support/contracts/outgoing-document-repository.ts';
import { fakeOutgoingDocumentRepository } from '../../support/fakes/outgoing-document-repository.ts';

describe('the outgoing document repository fake', () => {
  outgoingDocumentRepositoryContract(() => fakeOutgoingDocumentRepository());
});
