import { readCache } from '../adapters/read-cache.ts';
import { searchProcedures } from '../use-cases/catalogue/search-procedures.ts';
import type { CatalogueRepository } from '../use-cases/ports/catalogue-repository.ts';

/** How long a container reuses the catalogue's summaries it read: a saved procedure shows in search within it. */
const catalogueSearchSeconds = 60;

/** Catalogue search as the API and the portal serve it: built once per container, its read kept a minute. */
export const catalogueSearch = (catalogue: Pick<CatalogueRepository, 'listSummaries'>) =>
  searchProcedures(catalogue, readCache({ ttlSeconds: catalogueSearchSeconds }));
