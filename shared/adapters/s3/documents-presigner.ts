import { documentsBucketName, documentsClient } from './document-files.ts';
import { type Presigner, presigner } from './presigner.ts';

/** The documents bucket's presigners: for the functions that hand out upload and download URLs. */
export function documentsPresigner(): Presigner {
  return presigner(documentsClient(), documentsBucketName());
}
