/**
 * Whose phone and e-mail the platform may write to. A filing names any phone number and any address,
 * and each step of the dossier sends to them: without a check, anyone could have the province text a
 * stranger (issue 15, item 6). A contact is taken as the applicant's own when the identity provider
 * verified it for the account, or when a person checked it: the receiver at the desk, the post office
 * at pickup, the national portal for its filings. Any other contact is confirmed first by a code sent
 * to it once; until then nothing else is sent there. Pure: no I/O.
 */
import type { Applicant, Channel } from '../dossier/dossier.ts';

export type ContactChannel = 'phone' | 'email';

/** The account's contacts the identity provider verified (OIDC `phone_number`, `email` with `*_verified`). */
export interface AccountContacts {
  phone?: string;
  email?: string;
}

/** "+84 912 345 678", "0912.345.678" → "0912345678": the national form the filing form asks for. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/[\s.()-]/g, '');
  return digits.startsWith('+84')
    ? `0${digits.slice(3)}`
    : digits.startsWith('84') && digits.length === 11
      ? `0${digits.slice(2)}`
      : digits;
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export const normalizeContact = (channel: ContactChannel, address: string): string =>
  channel === 'phone' ? normalizePhone(address) : normalizeEmail(address);

/** The dossier's contacts that need no confirmation code, decided once when it is filed. */
export function confirmedContactsAtFiling(
  channel: Channel,
  applicant: Pick<Applicant, 'phone' | 'email'>,
  account: AccountContacts | undefined,
): ContactChannel[] {
  const named = (['phone', 'email'] as const).filter((c) => applicant[c]);
  if (channel !== 'online') return [...named];
  return named.filter((c) => {
    const own = account?.[c];
    return own !== undefined && normalizeContact(c, own) === normalizeContact(c, applicant[c] as string);
  });
}

/** How long a confirmation code is valid; a new one is sent, at most, once in that time. */
export const confirmationCodeHours = 24;

/** The one message an unconfirmed contact receives: its code, and that nothing else comes until it is entered. */
export function confirmationMessage(
  channel: ContactChannel,
  code: string,
): { title: string; body: string; sms: string } {
  const where = channel === 'phone' ? 'số điện thoại' : 'địa chỉ email';
  const body =
    `Mã xác nhận ${where} của bạn trên Cổng dịch vụ công là ${code}. ` +
    `Hồ sơ nộp trực tuyến ghi ${where} này để nhận thông báo. Để nhận tiếp, hãy đăng nhập và nhập mã tại trang ` +
    `"Xác nhận liên hệ" trong ${confirmationCodeHours} giờ. Nếu bạn không nộp hồ sơ nào, hãy bỏ qua tin này: ` +
    `bạn sẽ không nhận thêm thông báo.`;
  return {
    title: `Xác nhận ${where} nhận thông báo`,
    body,
    sms: `Mã xác nhận liên hệ trên Cổng DVC: ${code}. Nhập mã tại trang Xác nhận liên hệ trong ${confirmationCodeHours} giờ để nhận thông báo hồ sơ. Không nộp hồ sơ thì bỏ qua tin này.`,
  };
}
