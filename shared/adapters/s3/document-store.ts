import { createHash } from 'node:crypto';
import type { DocumentStore } from '../../use-cases/ports/document-store.ts';
import { encodeKey, readBytes, S3Error, type S3Rest } from './s3-rest.ts';

const absent = (error: unknown) => error instanceof S3Error && (error.status === 404 || error.code === 'NoSuchKey');

/** The documents bucket through the S3 REST calls of s3-rest.ts. */
export function documentStore(s3: S3Rest): DocumentStore {
  const copy = async (key: string, toKey: string) => {
    const { body } = await s3.send('PUT', toKey, {
      headers: { 'x-amz-copy-source': `/${s3.bucket}/${encodeKey(key)}` },
    });
    body.resume();
  };
  const get = async (key: string) => readBytes((await s3.send('GET', key)).body);
  return {
    async head(key) {
      try {
        const { headers, body } = await s3.send('HEAD', key);
        body.resume();
        return {
          size: Number(headers['content-length'] ?? 0),
          lastModified: new Date(headers['last-modified'] ?? 0),
        };
      } catch (error) {
        if (absent(error)) return undefined;
        throw error;
      }
    },

    async digest(key, headBytes) {
      const { body } = await s3.send('GET', key);
      const hash = createHash('sha256');
      const head = Buffer.alloc(headBytes);
      let size = 0;
      for await (const chunk of body) {
        const bytes = chunk as Buffer;
        if (size < headBytes) bytes.copy(head, size, 0, Math.min(bytes.length, headBytes - size));
        hash.update(bytes);
        size += bytes.length;
      }
      return { sha256: hash.digest('hex'), size, head: head.subarray(0, Math.min(size, headBytes)) };
    },

    async quarantine(key, toKey) {
      await copy(key, toKey);
      (await s3.send('DELETE', key)).body.resume();
    },

    async copy(key, toKey) {
      try {
        await copy(key, toKey);
        return true;
      } catch (error) {
        if (absent(error)) return false;
        throw error;
      }
    },

    async remove(key) {
      (await s3.send('DELETE', key)).body.resume();
    },

    async put(key, body, contentType) {
      (await s3.send('PUT', key, { headers: { 'content-type': contentType }, body })).body.resume();
    },

    get,

    async read(key) {
      try {
        return await get(key);
      } catch (error) {
        if (absent(error)) return undefined;
        throw error;
      }
    },
  };
}
