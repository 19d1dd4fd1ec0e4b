import { config } from '../../config.ts';
import type { DocumentStore } from '../../use-cases/ports/document-store.ts';
import { documentStore } from './document-store.ts';
import { s3Rest } from './s3-rest.ts';

/** The documents bucket of this function (DOCUMENTS_BUCKET is set with the grant: its absence is a deployment error). */
export function documentsBucketName(): string {
  if (!config.DOCUMENTS_BUCKET) {
    throw new Error('DOCUMENTS_BUCKET is not set: the manifest entry grants no documents access');
  }
  return config.DOCUMENTS_BUCKET;
}

/** The calls to the documents bucket; path-style addressing where the emulator needs it (S3_FORCE_PATH_STYLE). */
export const documentsS3 = () => s3Rest({ bucket: documentsBucketName(), forcePathStyle: config.S3_FORCE_PATH_STYLE });

/** Reads and writes of the documents bucket without the presigners, for workers that hand out no URL. */
export function documentFiles(): DocumentStore {
  return documentStore(documentsS3());
}
