import { config } from '../../config.ts';
import { type DocumentStore, documentStore, s3Client } from './document-store.ts';

/** The documents bucket of this function (DOCUMENTS_BUCKET is set with the grant: its absence is a deployment error). */
export function documentsBucketName(): string {
  if (!config.DOCUMENTS_BUCKET) {
    throw new Error('DOCUMENTS_BUCKET is not set: the manifest entry grants no documents access');
  }
  return config.DOCUMENTS_BUCKET;
}

export const documentsClient = () => s3Client(config.S3_FORCE_PATH_STYLE);

/** Reads and writes of the documents bucket without the presigners, for workers that hand out no URL. */
export function documentFiles(): DocumentStore {
  return documentStore(documentsClient(), documentsBucketName());
}
