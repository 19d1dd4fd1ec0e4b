/**
 * The platform's partners: the national public-service portal (DVCQG), the national payment platform
 * and the postal service. Each shares one secret with the province: it signs the partner's calls to our
 * webhooks and ours to the partner.
 */
export const partnerNames = ['dvcqg', 'payments', 'postal'] as const;
export type PartnerName = (typeof partnerNames)[number];

export const partnerNamesVi: Record<PartnerName, string> = {
  dvcqg: 'Cổng Dịch vụ công quốc gia',
  payments: 'Nền tảng thanh toán trực tuyến',
  postal: 'Dịch vụ bưu chính công ích',
};
