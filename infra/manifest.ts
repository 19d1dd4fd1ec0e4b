/**
 * THE list of functions. The CDK stacks build each Lambda, route, event source, schedule and
 * least-privilege grant from it; the local cloud mounts the same routes, pollers and schedules.
 * Pure data: no CDK import, so handlers and the local cloud can read it too.
 */
import type { Role } from '../shared/domain/caller.ts';
import { type EventType, eventTypes } from '../shared/domain/events.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `public`: no token. Otherwise a valid token is required and the caller must hold one of the roles. */
export type RouteAuth = 'public' | { roles: readonly Role[] };

export interface HttpTrigger {
  kind: 'http';
  method: HttpMethod;
  /** API Gateway route syntax: `/v1/dossiers/{code}`. */
  path: string;
  auth: RouteAuth;
}

export interface QueueTrigger {
  kind: 'queue';
  /** The events delivered to this function's own queue. */
  events: readonly EventType[];
  batchSize: number;
  /** Receives before a message moves to the dead-letter queue. */
  maxReceiveCount: number;
}

export interface ScheduleTrigger {
  kind: 'schedule';
  /** EventBridge Scheduler expression, evaluated in Asia/Ho_Chi_Minh. */
  expression: string;
}

export type Trigger = HttpTrigger | QueueTrigger | ScheduleTrigger;

export interface Access {
  table?: 'read' | 'readwrite';
  /** Object key prefixes in the documents bucket. */
  documents?: { prefixes: readonly string[]; mode: 'read' | 'readwrite' };
  /** Events this function relays from the outbox: it may send to the queues that consume them. */
  emits?: readonly EventType[];
}

export interface FunctionSpec {
  description: string;
  /** Path of the handler module from the repository root; it exports `handler`. */
  entry: string;
  trigger: Trigger;
  access: Access;
  memoryMb: number;
  timeoutSeconds: number;
}

const citizen = { roles: ['citizen'] } as const;
const anyone = {
  roles: ['citizen', 'receiver', 'specialist', 'leader', 'admin', 'auditor'],
} as const satisfies RouteAuth;

export const manifest = {
  health: {
    description: 'Liveness of the API',
    entry: 'functions/health/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/health', auth: 'public' },
    access: {},
    memoryMb: 128,
    timeoutSeconds: 3,
  },
  'submit-dossier': {
    description: 'A citizen files a dossier online',
    entry: 'functions/submit-dossier/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/dossiers', auth: citizen },
    access: { table: 'readwrite', emits: ['DossierSubmitted'] },
    memoryMb: 512,
    timeoutSeconds: 10,
  },
  'get-dossier': {
    description: 'One dossier, to whoever may read it',
    entry: 'functions/get-dossier/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/dossiers/{code}', auth: anyone },
    access: { table: 'read' },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'list-my-notifications': {
    description: "The caller's in-app notifications, newest first",
    entry: 'functions/list-my-notifications/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/me/notifications', auth: anyone },
    access: { table: 'read' },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'process-dossier': {
    description: "Routes a submitted dossier into its agency's intake work queue",
    entry: 'functions/process-dossier/handler.ts',
    trigger: { kind: 'queue', events: ['DossierSubmitted'], batchSize: 10, maxReceiveCount: 5 },
    access: { table: 'readwrite', emits: ['DossierRouted'] },
    memoryMb: 512,
    timeoutSeconds: 20,
  },
  notify: {
    description: 'Tells the applicant, in Vietnamese, what happened to the dossier',
    entry: 'functions/notify/handler.ts',
    trigger: { kind: 'queue', events: ['DossierRouted'], batchSize: 10, maxReceiveCount: 5 },
    access: { table: 'readwrite' },
    memoryMb: 256,
    timeoutSeconds: 20,
  },
  'sweep-outbox': {
    description: 'Re-sends outbox events stranded by a crash between a write and its send',
    entry: 'functions/sweep-outbox/handler.ts',
    trigger: { kind: 'schedule', expression: 'rate(1 minute)' },
    access: { table: 'readwrite', emits: eventTypes },
    memoryMb: 256,
    timeoutSeconds: 50,
  },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof manifest;

export const functionNames = Object.keys(manifest) as FunctionName[];

export const specOf = (name: FunctionName): FunctionSpec => manifest[name];

/** Functions whose own queue receives `type`: the one definition of event routing. */
export function consumersOf(type: EventType): FunctionName[] {
  return functionNames.filter((name) => {
    const trigger = specOf(name).trigger;
    return trigger.kind === 'queue' && trigger.events.includes(type);
  });
}

export const queueConsumers = functionNames.filter((name) => specOf(name).trigger.kind === 'queue');

export const httpRoutes = functionNames.flatMap((name) => {
  const trigger = specOf(name).trigger;
  return trigger.kind === 'http' ? [{ name, ...trigger }] : [];
});

/** Visibility timeout of a consumer's queue: at least six times the function timeout (AWS guidance). */
export const visibilityTimeoutSeconds = (name: FunctionName): number => specOf(name).timeoutSeconds * 6;
