/**
 * A partner as the local cloud plays it: it records every signed call the platform makes to it, can be
 * told to fail the next calls (fault injection), and calls the platform's webhooks signed with the
 * shared secret, as the real partner would. Each partner's own behaviour is a subclass.
 */
import type { PartnerName } from '../../../shared/domain/partners/partner.ts';
import { signedHeaders } from '../../../shared/domain/partners/webhook-signature.ts';

export interface ReceivedCall {
  path: string;
  body: unknown;
  at: string;
}

export interface SimulatorReply {
  status: number;
  body?: unknown;
}

/** A page a person opens in a browser on the partner's site (the payment page), unsigned. */
export interface BrowserReply {
  status: number;
  html?: string;
  location?: string;
}

export interface SimulatorContext {
  partner: PartnerName;
  secret: string;
  /** The platform's API base URL, once the gateway listens. */
  apiUrl: () => string;
  /** This simulator's own base URL (what the platform's PARTNER_URLS names). */
  baseUrl: () => string;
}

export interface WebhookOptions {
  /** Sign with another secret (a forger's). */
  secret?: string;
  /** Sign as of another instant (a stale request). */
  at?: Date;
  /** Send exactly these headers instead (a replay of a captured request). */
  headers?: Record<string, string>;
}

export interface WebhookResponse {
  status: number;
  body: unknown;
  /** The headers that were sent, to replay the very same request. */
  sentHeaders: Record<string, string>;
  sentBody: string;
}

type Route = (body: unknown, path: string) => Promise<SimulatorReply> | SimulatorReply;

export class PartnerSimulator {
  readonly received: ReceivedCall[] = [];
  private failures: { remaining: number; status: number } = { remaining: 0, status: 503 };
  private readonly routes = new Map<string, Route>();

  constructor(protected readonly ctx: SimulatorContext) {}

  get partner(): PartnerName {
    return this.ctx.partner;
  }

  /** The next `count` calls are answered with `status` (and not recorded as delivered). */
  failNext(count: number, status = 503): void {
    this.failures = { remaining: count, status };
  }

  protected on(path: string, route: Route): void {
    this.routes.set(path, route);
  }

  /** A browser's request to the partner's site; undefined when the partner has no such page. */
  async browse(_method: string, _path: string, _form: URLSearchParams): Promise<BrowserReply | undefined> {
    return undefined;
  }

  /** A signed call from the platform (the signature is checked by the server before this). */
  async handle(path: string, body: unknown): Promise<SimulatorReply> {
    if (this.failures.remaining > 0) {
      this.failures.remaining -= 1;
      return { status: this.failures.status, body: { error: 'simulated failure' } };
    }
    const route = this.routes.get(path);
    if (!route) return { status: 404, body: { error: `no such ${this.partner} endpoint: ${path}` } };
    const reply = await route(body, path);
    if (reply.status < 300) this.received.push({ path, body, at: new Date().toISOString() });
    return reply;
  }

  /** Calls one of the platform's webhooks as this partner. */
  async webhook(path: string, body: unknown, options: WebhookOptions = {}): Promise<WebhookResponse> {
    const sentBody = JSON.stringify(body);
    const sentHeaders = options.headers ?? {
      'content-type': 'application/json',
      ...signedHeaders(options.secret ?? this.ctx.secret, sentBody, options.at ?? new Date()),
    };
    const response = await fetch(`${this.ctx.apiUrl()}${path}`, {
      method: 'POST',
      headers: sentHeaders,
      body: sentBody,
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined, sentHeaders, sentBody };
  }
}
