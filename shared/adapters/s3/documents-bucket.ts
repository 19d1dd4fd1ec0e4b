import type { DocumentStore } from '../../use-cases/ports/document-store.ts';
import type { Presigner } from '../../use-cases/ports/presigner.ts';
import { documentsS3 } from './document-files.ts';
import { documentStore } from './document-store.ts';
import { presigner } from './presigner.ts';

export { documentsPresigner } from './documents-presigner.ts';

/** The documents bucket: reads, writes and presigned URLs (workers that hand out no URL: document-files.ts). */
export function documentsBucket(): DocumentStore & Presigner {
  const s3 = documentsS3();
  return { ...documentStore(s3), ...presigner(s3) };
}
