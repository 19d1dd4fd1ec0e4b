/**
 * Stands in for `pako` in every function bundle (infra/bundling/substitutes.ts): pdf-lib compresses its streams with
 * `pako.deflate`, 45 KB of JavaScript zlib that Node's own zlib does natively, with the same output
 * format (a zlib stream at the default level).
 */
import { deflateSync, inflateSync } from 'node:zlib';

const view = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

export const deflate = (data: Uint8Array, options: { level?: number } = {}): Uint8Array =>
  view(deflateSync(data, options.level === undefined ? {} : { level: options.level }));

export const inflate = (data: Uint8Array): Uint8Array => view(inflateSync(data));

export default { deflate, inflate };
