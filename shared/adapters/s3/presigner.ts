import type { Presigner } from '../../use-cases/ports/presigner.ts';
import type { S3Rest } from './s3-rest.ts';

/** Presigned uploads and downloads of the documents bucket. */
export function presigner(s3: S3Rest): Presigner {
  return {
    presignUpload: (key, limits) =>
      s3.presignPost(
        key,
        [
          ['eq', '$key', key],
          ['content-length-range', limits.size, limits.size],
          ['eq', '$Content-Type', limits.contentType],
        ],
        { 'Content-Type': limits.contentType },
        limits.expiresInSeconds,
      ),

    presignDownload: (key, expiresInSeconds, filename) =>
      s3.presignGet(
        key,
        expiresInSeconds,
        filename ? { 'response-content-disposition': `attachment; filename="${filename}"` } : {},
      ),
  };
}
