/**
 * Who the simulated signing service enrolled under a userID, as a CA's registration desk would have
 * it from the person's papers: here, the platform's own roster. A leader is enrolled under their sub,
 * an agency (its organisation certificate) under `agency:<id>` (the local cloud's CSC_CREDENTIALS `*`).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { organisationIdentity, type SignerIdentity } from '../../../shared/documents/signing/signer.ts';

export function rosterDirectory(
  tableName: string,
  dynamo: DynamoDBClient,
): (userID: string) => Promise<SignerIdentity | undefined> {
  const client = DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
  return async (userID) => {
    // Imported when first asked: the repository's modules read the handlers' environment at load.
    const { agencyRepository } = await import('../../../shared/adapters/dynamo/agency-repository.ts');
    const roster = agencyRepository(tableName, client, { cacheSeconds: 0 });
    if (userID.startsWith('agency:')) {
      const agency = await roster.get(userID.slice('agency:'.length));
      return agency ? organisationIdentity(agency.id, agency.name) : undefined;
    }
    const official = await roster.getOfficial(userID);
    if (!official) return undefined;
    const agency = await roster.get(official.agencyId);
    return { sub: official.sub, name: official.name, agencyName: agency?.name ?? official.agencyId };
  };
}
