export interface PresignedUpload {
  url: string;
  /** Form fields to send before the `file` field of a multipart/form-data POST. */
  fields: Record<string, string>;
}

/** Presigned uploads and downloads of the documents bucket: the bytes never pass through a function. */
export interface Presigner {
  /**
   * A presigned POST whose policy S3 enforces: this exact key, exactly `size` bytes, this Content-Type,
   * until `expiresInSeconds` from now. The verifier checks again after upload.
   */
  presignUpload(
    key: string,
    limits: { contentType: string; size: number; expiresInSeconds: number },
  ): Promise<PresignedUpload>;
  /** A GET URL valid `expiresInSeconds`; with `filename`, the browser saves the file under that name. */
  presignDownload(key: string, expiresInSeconds: number, filename?: string): Promise<string>;
}
