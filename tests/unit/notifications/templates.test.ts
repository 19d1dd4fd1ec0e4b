import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../shared/domain/events.ts';
import { messagesFor, needsDossier } from '../../../shared/domain/notifications/templates.ts';
import type { Official } from '../../../shared/domain/official.ts';

const ctx = { describeAppointment: (iso: string) => `lúc ${iso}` };
const changed = (action: string, extra: Partial<DomainEvent<'DossierChanged'>['data']> = {}) =>
  ({
    id: `X:3:DossierChanged`,
    type: 'DossierChanged',
    dossierCode: '24.07210-260302-0001',
    occurredAt: '2026-03-02T02:00:00.000Z',
    data: {
      applicantId: 'citizen-an',
      agencyId: '24.07210',
      action,
      from: 'processing',
      to: 'processing',
      dueAt: '2026-03-09T10:00:00.000Z',
      ...extra,
    },
  }) as DomainEvent;
const official = (sub: string, roles: Official['roles'], active = true, agencyId = '24.07210'): Official => ({
  sub,
  name: sub,
  agencyId,
  roles,
  active,
});

describe('notification templates', () => {
  it('a supplement request lists every defect, numbered', () => {
    const [m] = messagesFor(changed('request-supplement'), { ...ctx, defects: ['Bản sao giấy khai sinh', 'Ảnh 4x6'] });
    expect(m).toMatchObject({ audience: 'applicant', recipientId: 'citizen-an' });
    expect(m?.body).toContain('1. Bản sao giấy khai sinh\n2. Ảnh 4x6');
    expect(m?.sms).toContain('cần bổ sung 2 nội dung');
  });

  it('payment due names the amount', () => {
    const [m] = messagesFor(changed('request-fees'), { ...ctx, fee: { amount: 50000 } });
    expect(m?.body).toMatch(/50\.000 đồng/);
  });

  it('an online payment is acknowledged with its amount and, when it released the dossier, says it goes on', () => {
    const fee = { amount: 8000 };
    const [released] = messagesFor(changed('payment-received', { from: 'awaiting-fees' }), { ...ctx, fee });
    expect(released).toMatchObject({ audience: 'applicant', recipientId: 'citizen-an' });
    expect(released?.body).toMatch(/8\.000 đồng/);
    expect(released?.body).toContain('tiếp tục được giải quyết');
    const [atResult] = messagesFor(changed('payment-received', { from: 'decided', to: 'decided' }), { ...ctx, fee });
    expect(atResult?.body).not.toContain('tiếp tục được giải quyết');
    expect(needsDossier(changed('payment-received'))).toBe(true);
  });

  it('a transfer reaches the active handling officials of the receiving agency only, once each', () => {
    const officials = [
      official('lan', ['receiver', 'specialist']),
      official('hung', ['leader']),
      official('old', ['receiver'], false),
      official('thu', ['auditor']),
      official('mai', ['receiver'], true, '24.SXD'),
    ];
    const messages = messagesFor(changed('transfer', { notifyOfficials: ['lan'] }), {
      ...ctx,
      agencyOfficials: officials,
    });
    expect(messages.filter((m) => m.audience === 'official').map((m) => m.recipientId)).toEqual(['lan', 'hung']);
  });

  it('a supplement received goes to the assignee, or else to the agency’s receivers', () => {
    const officials = [official('lan', ['receiver']), official('hung', ['leader'])];
    const toOfficials = (extra: object) =>
      messagesFor(changed('supplement'), { ...ctx, agencyOfficials: officials, ...extra })
        .filter((m) => m.audience === 'official')
        .map((m) => m.recipientId);
    expect(toOfficials({ assigneeId: 'nam' })).toEqual(['nam']);
    expect(toOfficials({})).toEqual(['lan']);
  });

  it('a signed result tells the applicant it is ready and how to get it, by their return method', () => {
    const [online] = messagesFor(changed('result-signed'), { ...ctx, returnMethod: 'online' });
    expect(online).toMatchObject({
      audience: 'applicant',
      recipientId: 'citizen-an',
      title: 'Hồ sơ 24.07210-260302-0001: kết quả điện tử đã được ký số',
    });
    expect(online?.body).toContain('tải bản điện tử có chữ ký số');
    expect(online?.sms).toBe('Hồ sơ 24.07210-260302-0001: kết quả đã ký số, tải trên Cổng dịch vụ công.');
    const [counter] = messagesFor(changed('result-signed'), { ...ctx, returnMethod: 'counter' });
    expect(counter?.body).toContain('nhận kết quả tại Bộ phận tiếp nhận và trả kết quả');
    expect(counter?.sms).toContain('mời nhận tại Bộ phận một cửa');
    const [post] = messagesFor(changed('result-signed'), { ...ctx, returnMethod: 'post' });
    expect(post?.body).toContain('dịch vụ bưu chính');
    expect(needsDossier(changed('result-signed'))).toBe(true);
  });

  it('internal steps tell the applicant nothing', () => {
    expect(messagesFor(changed('forward'), ctx).filter((m) => m.audience === 'applicant')).toEqual([]);
  });
});
