import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LocalCloud } from '../../infra/local/cloud.ts';

/** A dossier as the national portal delivers it, for the demo province's birth registration. */
export const portalDossier = (dvcqgId: string, citizenId: string, overrides: Record<string, unknown> = {}) => ({
  dvcqgId,
  citizenId,
  procedureCode: '1.001193',
  communeCode: '07210',
  applicant: {
    fullName: 'Trần Thị Bình',
    idNumber: '024190005678',
    email: 'binh@example.vn',
    address: 'Phường Bắc Giang, tỉnh Bắc Ninh',
  },
  returnMethod: 'online',
  formData: { childName: 'Trần Minh Châu' },
  attachments: [
    {
      name: 'Giấy chứng sinh',
      url: `https://dichvucong.gov.vn/dossiers/${dvcqgId}/giay-chung-sinh.pdf`,
      size: 204_800,
      sha256: 'c0ffee'.padEnd(64, '0'),
      contentType: 'application/pdf',
      documentType: 'GIAY_CHUNG_SINH',
    },
  ],
  ...overrides,
});

/** Codes of the dossiers filed for one applicant account: one Query on the applicant index. */
export async function dossiersOf(cloud: LocalCloud, applicantId: string): Promise<string[]> {
  const doc = DynamoDBDocumentClient.from(cloud.clients.dynamo);
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: cloud.tableName,
      IndexName: 'byApplicant',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `APPLICANT#${applicantId}` },
    }),
  );
  // The index keeps keys only: the code is the dossier's own key.
  return (Items ?? []).map((item) => String(item.pk).slice('DOSSIER#'.length));
}
