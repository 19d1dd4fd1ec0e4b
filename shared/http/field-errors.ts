import type { z } from 'zod';
import type { FieldError } from './problem.ts';

/** zod issues as per-field errors; unknown keys name themselves so mass assignment is visible. */
export function fieldErrors(error: z.ZodError, prefix: string): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: path ? `${path}.${key}` : key, message: 'Trường không được phép' }));
    }
    return [{ field: path, message: issue.message }];
  });
}
