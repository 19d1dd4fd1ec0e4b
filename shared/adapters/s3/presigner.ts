import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export interface PresignedUpload {
  url: string;
  /** Form fields to send before the `file` field of a multipart/form-data POST. */
  fields: Record<string, string>;
}

/** Presigned uploads and downloads of the documents bucket (apart, so workers do not bundle the presigners). */
export function presigner(client: S3Client, bucket: string) {
  return {
    /**
     * A presigned POST whose policy S3 enforces: this exact key, exactly `size` bytes, this
     * Content-Type, until `expiresInSeconds` from now. The verifier checks again after upload.
     */
    presignUpload(
      key: string,
      limits: { contentType: string; size: number; expiresInSeconds: number },
    ): Promise<PresignedUpload> {
      return createPresignedPost(client, {
        Bucket: bucket,
        Key: key,
        Conditions: [
          ['eq', '$key', key],
          ['content-length-range', limits.size, limits.size],
          ['eq', '$Content-Type', limits.contentType],
        ],
        Fields: { 'Content-Type': limits.contentType },
        Expires: limits.expiresInSeconds,
      });
    },

    presignDownload(key: string, expiresInSeconds: number, filename?: string): Promise<string> {
      return getSignedUrl(
        client,
        new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          ...(filename ? { ResponseContentDisposition: `attachment; filename="${filename}"` } : {}),
        }),
        { expiresIn: expiresInSeconds },
      );
    },
  };
}

export type Presigner = ReturnType<typeof presigner>;
