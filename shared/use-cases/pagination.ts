import * as z from 'zod/mini';

/** `limit` and `cursor` of every list: bounded so no page can be asked to be huge. */
export const PageQuery = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});
