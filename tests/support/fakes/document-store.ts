import { createHash } from 'node:crypto';
import type { DocumentStore, StoredObject } from '../../../shared/use-cases/ports/document-store.ts';

interface FakeObject {
  body: Uint8Array;
  contentType: string;
  lastModified: Date;
}

/** The documents bucket in memory; `objects` is there for a test to look at what was written. */
export function fakeDocumentStore(
  initial: Record<string, Uint8Array> = {},
  now: () => Date = () => new Date('2026-03-02T02:00:00Z'),
): DocumentStore & { objects: Map<string, FakeObject> } {
  const objects = new Map<string, FakeObject>();
  const put = (key: string, body: Uint8Array, contentType: string) =>
    objects.set(key, { body: new Uint8Array(body), contentType, lastModified: now() });
  for (const [key, body] of Object.entries(initial)) put(key, body, 'application/octet-stream');
  const read = async (key: string) => {
    const object = objects.get(key);
    return object && new Uint8Array(object.body);
  };

  return {
    objects,
    async head(key): Promise<StoredObject | undefined> {
      const object = objects.get(key);
      return object && { size: object.body.length, lastModified: object.lastModified };
    },
    async digest(key, headBytes) {
      const body = await read(key);
      if (!body) throw new Error(`NoSuchKey: ${key}`);
      const sha256 = createHash('sha256').update(body).digest('hex');
      return { sha256, size: body.length, head: body.slice(0, headBytes) };
    },
    async quarantine(key, toKey) {
      const object = objects.get(key);
      if (!object) throw new Error(`NoSuchKey: ${key}`);
      objects.set(toKey, object);
      objects.delete(key);
    },
    async copy(key, toKey) {
      const object = objects.get(key);
      if (!object) return false;
      put(toKey, object.body, object.contentType);
      return true;
    },
    async remove(key) {
      objects.delete(key);
    },
    async put(key, body, contentType) {
      put(key, body, contentType);
    },
    async get(key) {
      const body = await read(key);
      if (!body) throw new Error(`NoSuchKey: ${key}`);
      return body;
    },
    read,
  };
}
