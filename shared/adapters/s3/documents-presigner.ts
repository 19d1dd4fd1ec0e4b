import type { Presigner } from '../../use-cases/ports/presigner.ts';
import { documentsS3 } from './document-files.ts';
import { presigner } from './presigner.ts';

/** The documents bucket's presigners: for the functions that hand out upload and download URLs. */
export function documentsPresigner(): Presigner {
  return presigner(documentsS3());
}
