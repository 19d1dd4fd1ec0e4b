import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';

/** One client per process; path-style addressing where the emulator needs it (S3_FORCE_PATH_STYLE). */
export const s3Client = (forcePathStyle: boolean): S3Client => new S3Client({ forcePathStyle });

export interface StoredObject {
  size: number;
  lastModified: Date;
}

/** The documents bucket: verification reads, quarantine, generated files (presigned URLs: presigner.ts). */
export function documentStore(client: S3Client, bucket: string) {
  const copy = (key: string, toKey: string) =>
    client.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: toKey,
        CopySource: `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`,
      }),
    );
  return {
    async head(key: string): Promise<StoredObject | undefined> {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { size: head.ContentLength ?? 0, lastModified: head.LastModified ?? new Date(0) };
      } catch (error) {
        if (
          error instanceof NotFound ||
          (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)
        )
          return undefined;
        throw error;
      }
    },

    /** Streams the object once: its SHA-256, its length and its first `headBytes` bytes. */
    async digest(key: string, headBytes: number): Promise<{ sha256: string; size: number; head: Uint8Array }> {
      const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      if (!Body) throw new Error(`Object ${key} has no body`);
      const hash = createHash('sha256');
      const head = Buffer.alloc(headBytes);
      let size = 0;
      for await (const chunk of Body as Readable) {
        const bytes = chunk as Buffer;
        if (size < headBytes) bytes.copy(head, size, 0, Math.min(bytes.length, headBytes - size));
        hash.update(bytes);
        size += bytes.length;
      }
      return { sha256: hash.digest('hex'), size, head: head.subarray(0, Math.min(size, headBytes)) };
    },

    /** Moves a refused object out of the dossier's prefix: nobody downloads it through the platform. */
    async quarantine(key: string, toKey: string): Promise<void> {
      await copy(key, toKey);
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },

    /** Copies an object within the bucket; `false` when there is no object at `key`. */
    async copy(key: string, toKey: string): Promise<boolean> {
      try {
        await copy(key, toKey);
        return true;
      } catch (error) {
        if (
          error instanceof S3ServiceException &&
          (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404)
        )
          return false;
        throw error;
      }
    },

    async remove(key: string): Promise<void> {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },

    async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
    },

    async get(key: string): Promise<Uint8Array> {
      const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      if (!Body) throw new Error(`Object ${key} has no body`);
      return Body.transformToByteArray();
    },
  };
}

export type DocumentStore = ReturnType<typeof documentStore>;
