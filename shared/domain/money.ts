/** Amounts as Vietnamese writes them, the one place the platform formats money. */
const vnd = new Intl.NumberFormat('vi-VN');

/** `200.000 đồng`: an amount of Vietnamese đồng as the applicant reads it. */
export const formatVnd = (amount: number): string => `${vnd.format(amount)} đồng`;

/** An amount with its currency's ISO code, as a payment platform reports it. */
export interface Amount {
  amount: number;
  currency: string;
}

/** An amount in the currency a payment platform reported: đồng as {@link formatVnd}, another by its code. */
export const formatAmount = ({ amount, currency }: Amount): string =>
  currency === 'VND' ? formatVnd(amount) : `${vnd.format(amount)} ${currency}`;
