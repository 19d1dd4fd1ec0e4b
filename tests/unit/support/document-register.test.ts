/** The in-memory register numbering keeps the contract the DynamoDB adapter keeps (tests/support/contracts). */
import { describe } from 'vitest';
import { documentRegisterContract } from '../../support/contracts/document-register.ts';
import { fakeDocumentRegister } from '../../support/fakes/document-register.ts';

describe('the document register fake', () => {
  documentRegisterContract(fakeDocumentRegister);
});
