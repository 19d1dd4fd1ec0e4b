import * as z from 'zod';

/** `limit` and `cursor` of every list: bounded so no page can be asked to be huge. */
export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(2048).optional(),
});
