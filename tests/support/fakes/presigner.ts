import type { Presigner } from '../../../shared/use-cases/ports/presigner.ts';

/** URLs that say what they were signed for, so a test can check the key, the window and the file name. */
export function fakePresigner(origin = 'https://documents.example'): Presigner {
  return {
    async presignUpload(key, { contentType, size, expiresInSeconds }) {
      return {
        url: `${origin}/`,
        fields: { key, 'Content-Type': contentType, 'x-size': String(size), 'x-expires': String(expiresInSeconds) },
      };
    },
    async presignDownload(key, expiresInSeconds, filename) {
      const query = new URLSearchParams({ expires: String(expiresInSeconds), ...(filename ? { filename } : {}) });
      return `${origin}/${key}?${query}`;
    },
  };
}
