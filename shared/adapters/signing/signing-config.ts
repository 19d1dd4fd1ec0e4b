import { GetObjectCommand, NoSuchKey } from '@aws-sdk/client-s3';
import { documentsBucketName, documentsClient } from '../s3/document-files.ts';
import type { ReadConfigObject } from './kms-signer.ts';

/** Text of one object of the documents bucket (the signing configuration), `undefined` if it does not exist. */
export function readDocumentsObject(): ReadConfigObject {
  const client = documentsClient();
  const bucket = documentsBucketName();
  return async (key) => {
    try {
      const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return Body ? await Body.transformToString('utf8') : undefined;
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  };
}
