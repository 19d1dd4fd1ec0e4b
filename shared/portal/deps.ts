import type { Procedure } from '../domain/procedure.ts';
import type { SearchProceduresQuery } from '../use-cases/catalogue/schemas.ts';
import type { ApiClient } from '../http/api-client.ts';
import type { OidcClient } from './oidc.ts';
import type { PublishedAnswer } from './pages/feedback.ts';
import type { ProcedureListItem } from './pages/home.ts';
import type { LookupResult } from './pages/lookup.ts';

/** What the pages use; the handler wires the real ones, unit tests fakes. */
export interface PortalDeps {
  // Public pages read the catalogue and published answers directly (no token, cached in the container).
  search: (query: SearchProceduresQuery) => Promise<{ items: ProcedureListItem[]; total: number; nextCursor?: string }>;
  getProcedure: (code: string) => Promise<Procedure>;
  agencyName: (id: string) => Promise<string | undefined>;
  lookup: (body: { code: string; pin: string }, client: string) => Promise<LookupResult>;
  publishedFeedback: (query: { limit: number; cursor?: string }) => Promise<{
    items: PublishedAnswer[];
    nextCursor?: string;
  }>;
  /** The API at the deployment's public origin, with a signed-in person's token (none: its public routes). */
  api: (origin: string, token?: string) => ApiClient;
  /** Undefined when no identity provider is configured (sign-in then says so). */
  oidc: () => OidcClient | undefined;
  now: () => Date;
  /** A fresh Idempotency-Key for a form about to be rendered. */
  newKey: () => string;
  /** Where unexpected errors go (never to the page). */
  logError: (message: string, error: unknown) => void;
}
