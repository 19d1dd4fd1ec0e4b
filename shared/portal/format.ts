import type { AgencyLevel } from '../domain/agency.ts';
import type { WorkingDuration } from '../domain/calendar/index.ts';
import { describeFeeRule } from '../domain/fees/describe.ts';
import type { Procedure, ServiceLevel } from '../domain/procedure.ts';

const number = new Intl.NumberFormat('vi-VN');

/** The fee rule in words ("50.000 đồng (nộp khi nộp hồ sơ)", per page, exemptions), or that it is free. */
export const feeText = (fee: Procedure['fee']): string => describeFeeRule(fee);

export function durationText(duration: WorkingDuration): string {
  return 'workingDays' in duration
    ? `${number.format(duration.workingDays)} ngày làm việc`
    : `${number.format(duration.workingHours)} giờ làm việc`;
}

export const levelText: Record<AgencyLevel, string> = {
  province: 'Cấp tỉnh',
  department: 'Cấp sở, ngành',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};

export const serviceLevelText: Record<ServiceLevel, string> = {
  'fully-online': 'Trực tuyến toàn trình (nộp và nhận kết quả trực tuyến)',
  'partly-online': 'Trực tuyến một phần (nộp trực tuyến, một số bước tại cơ quan)',
  offline: 'Nộp trực tiếp tại Bộ phận Một cửa hoặc qua bưu chính',
};

const dateTimeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

export const dateTimeText = (iso: string): string => dateTimeFormat.format(new Date(iso));
