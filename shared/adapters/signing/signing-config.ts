import { documentFiles } from '../s3/document-files.ts';
import type { ReadConfigObject } from './kms-signer.ts';

/** Text of one object of the documents bucket (the signing configuration), `undefined` if it does not exist. */
export function readDocumentsObject(): ReadConfigObject {
  const files = documentFiles();
  return async (key) => {
    const bytes = await files.read(key);
    return bytes && Buffer.from(bytes).toString('utf8');
  };
}
