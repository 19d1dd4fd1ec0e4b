import { type DocumentStore, documentStore } from './document-store.ts';
import { documentsBucketName, documentsClient } from './document-files.ts';
import { type Presigner, presigner } from './presigner.ts';

export { documentsPresigner } from './documents-presigner.ts';

/** The documents bucket: reads, writes and presigned URLs (workers that hand out no URL: document-files.ts). */
export function documentsBucket(): DocumentStore & Presigner {
  const client = documentsClient();
  const bucket = documentsBucketName();
  return { ...documentStore(client, bucket), ...presigner(client, bucket) };
}
