/** A production stage's complete context (fictional province endpoints and keys), for the infra tests. */
import { partnerNames } from '../../shared/domain/partners/partner.ts';

const key = (id: string) => `arn:aws:kms:ap-southeast-1:123456789012:key/${id}-0000-4000-8000-000000000000`;
export const productionContext = {
  'egov:stage': 'prod',
  'egov:jwtIssuer': 'https://sso.bacninh.gov.vn/realms/egov',
  'egov:jwtAudience': 'egov-one-stop',
  'egov:publicUrl': 'https://dichvucong.bacninh.gov.vn',
  'egov:domainName': 'dichvucong.bacninh.gov.vn',
  // Issued by the province outside the stacks, in us-east-1 (CloudFront serves no other region's).
  'egov:certificateArn': 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0000-4000-8000-000000000000',
  'egov:partnerUrls': Object.fromEntries(partnerNames.map((p) => [p, `https://${p}.partner.gov.vn/api`])),
  'egov:smsGatewayUrl': 'https://sms.bacninh.gov.vn/send',
  'egov:emailFrom': 'thongbao@bacninh.gov.vn',
  'egov:alarmEmail': 'ops@bacninh.gov.vn',
  'egov:signingKeys': { 'leader-son': key('11111111') },
  'egov:organisationSigningKeys': { '24.SXD': key('22222222') },
};
