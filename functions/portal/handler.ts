import { randomUUID } from 'node:crypto';
import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { catalogueRepository } from '#adapters/dynamo/catalogue-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { feedbackRepository } from '#adapters/dynamo/feedback-repository.ts';
import { pinCheckDeps } from '#shared/composition/pin-check.ts';
import { catalogueSearch } from '#shared/composition/search-procedures.ts';
import { config } from '#shared/config.ts';
import { originVerifyHeader } from '#http/edge-origin.ts';
import { platformOriginSecret } from '#http/platform-origin-secret.ts';
import { logger } from '#shared/observability.ts';
import { apiClient } from '#http/api-client.ts';
import { portalHandler } from '#shared/portal/handler.ts';
import { oidcClient, type OidcClient, oidcSettingsFrom } from '#shared/portal/oidc.ts';
import { lookupWithTimeline } from '#shared/portal/public-lookup.ts';
import { getProcedure } from '#shared/use-cases/catalogue/get-procedure.ts';
import { listPublishedFeedbackUseCase } from '#shared/use-cases/feedback/feedback.ts';
import { lookupDossier } from '#shared/use-cases/lookup-dossier.ts';

const catalogue = catalogueRepository(config.TABLE_NAME);
const agencies = agencyRepository(config.TABLE_NAME);
const dossiers = dossierRepository(config.TABLE_NAME);

// One client per issuer: discovery is fetched once per container.
const oidcClients = new Map<string, OidcClient>();
function oidc(): OidcClient | undefined {
  const settings = oidcSettingsFrom(process.env);
  if (!settings) return undefined;
  const key = `${settings.issuer} ${settings.clientId}`;
  let client = oidcClients.get(key);
  if (!client) oidcClients.set(key, (client = oidcClient(settings)));
  return client;
}

/**
 * The portal's calls go to the API's own address (API_URL) with the edge's header, not back through the
 * edge the page request already passed: its WAF would count every citizen's calls against the portal's
 * address. Without API_URL (the local cloud) they go to the public URL, as a browser's would.
 */
const edgeHeaders = async (): Promise<Record<string, string>> => {
  const secret = await platformOriginSecret();
  return secret ? { [originVerifyHeader]: secret } : {};
};

/** A call the API has not answered by then fails its page, within the function's own 25 s (infra/manifest.ts). */
const apiTimeoutMs = 20_000;

// Module scope: the catalogue read is cached for the container's next requests.
export const handler = portalHandler(
  {
    search: catalogueSearch(catalogue),
    getProcedure: getProcedure(catalogue),
    agencyName: async (id) => (await agencies.get(id))?.name,
    lookup: lookupWithTimeline(lookupDossier({ ...pinCheckDeps(dossiers), agencies }), dossiers),
    publishedFeedback: listPublishedFeedbackUseCase({ feedback: feedbackRepository(config.TABLE_NAME) }),
    api: (origin, token) => apiClient(config.API_URL ?? origin, token, { edgeHeaders, timeoutMs: apiTimeoutMs }),
    oidc,
    now: () => new Date(),
    newKey: randomUUID,
    logError: (message, error) => logger.error(message, error as Error),
  },
  { publicUrl: config.PUBLIC_URL, originSecret: platformOriginSecret },
);
