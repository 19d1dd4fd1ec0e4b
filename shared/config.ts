import { z } from 'zod';
import { eventTypes } from './domain/events.ts';

/**
 * `EVENT_QUEUES` maps each event type a function relays to the URLs of the queues that consume it.
 * A type with an empty list has no consumer yet; a type missing from the map is a deployment error.
 */
const EventQueues = z.partialRecord(z.enum(eventTypes), z.array(z.url()));

const Env = z.object({
  TABLE_NAME: z.string().min(1),
  DOCUMENTS_BUCKET: z.string().min(1).optional(),
  EVENT_QUEUES: z
    .string()
    .default('{}')
    .transform((raw, ctx) => {
      try {
        return EventQueues.parse(JSON.parse(raw));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'EVENT_QUEUES must be a JSON map of event type to queue URLs' });
        return z.NEVER;
      }
    }),
  /** Province whose platform this is (administrative-unit code); commune agencies are `<province>.<commune>`. */
  PROVINCE_CODE: z
    .string()
    .regex(/^\d{2}$/)
    .default('24'),
  /** After a supplement the legal clock restarts from zero (Nghị định 61/2018) or resumes where it paused. */
  SUPPLEMENT_MODE: z.enum(['restart', 'pause']).default('restart'),
  /** How long an outbox event may wait before the sweeper assumes its sender died. */
  OUTBOX_GRACE_SECONDS: z.coerce.number().int().min(0).default(60),
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type Config = z.infer<typeof Env>;

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ');
    throw new Error(`Invalid configuration: ${fields}`);
  }
  return parsed.data;
}

/** Read once per process: a function with a missing variable fails at init, not on its first request. */
export const config: Config = readConfig(process.env);
