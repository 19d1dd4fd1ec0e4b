/**
 * Vietnamese column headers of the report files (the people who read them are the province's staff).
 */
import type { IndicatorCounts } from '../domain/indicators/counts.ts';
import type { Indicators } from '../domain/indicators/formulas.ts';

export const countLabels: Readonly<Record<keyof IndicatorCounts, string>> = {
  carriedOver: 'Kỳ trước chuyển qua',
  newOnline: 'Mới tiếp nhận trực tuyến',
  newDirect: 'Mới tiếp nhận trực tiếp',
  newPost: 'Mới tiếp nhận qua bưu chính',
  received: 'Tổng số tiếp nhận',
  resolvedEarly: 'Đã giải quyết trước hạn',
  resolvedOnTime: 'Đã giải quyết đúng hạn',
  resolvedLate: 'Đã giải quyết quá hạn',
  resolvedByOriginalDue: 'Đã giải quyết theo hẹn ban đầu',
  resolved: 'Tổng số đã giải quyết',
  inProgressWithinTime: 'Đang giải quyết trong hạn',
  inProgressOverdue: 'Đang giải quyết quá hạn',
  inProgress: 'Tổng số đang giải quyết',
  inProgressWithinOriginalDue: 'Đang giải quyết trong hạn (theo hẹn ban đầu)',
  supplementRequests: 'Yêu cầu bổ sung',
  refused: 'Từ chối tiếp nhận',
  withdrawn: 'Rút hồ sơ',
  stopped: 'Dừng xử lý',
  newReceived: 'Mới tiếp nhận trong kỳ',
  newFullyOnline: 'Mới tiếp nhận trực tuyến toàn trình',
  newUnderOnlineService: 'Mới tiếp nhận thuộc TTHC có dịch vụ công trực tuyến',
  newOnlineUnderOnlineService: 'Trong đó: tiếp nhận trực tuyến',
  dvcqgSynced: 'Đã đồng bộ lên Cổng Dịch vụ công quốc gia',
  feeBearing: 'Có phí, lệ phí',
  paidOnline: 'Đã thanh toán trực tuyến',
  digitised: 'Có số hóa thành phần hồ sơ',
  electronicResults: 'Kết quả điện tử',
  timedResolutions: 'Đã giải quyết có thời gian xử lý',
  processingWorkingHours: 'Tổng giờ làm việc xử lý',
  ratings: 'Lượt đánh giá',
  satisfiedRatings: 'Đánh giá hài lòng (4–5)',
  dissatisfiedRatings: 'Đánh giá không hài lòng (1–2)',
  feedbackReceived: 'Phản ánh, kiến nghị nhận được',
  feedbackAnswered: 'Phản ánh, kiến nghị đã trả lời',
  feedbackAnsweredOnTime: 'Phản ánh, kiến nghị trả lời đúng hạn',
};

type RatioName = Exclude<keyof Indicators, 'groups' | 'index' | 'averageProcessingWorkingDays'>;

export const ratioLabels: Readonly<Record<RatioName, string>> = {
  onTimeRate: 'Tỷ lệ đúng hạn (%)',
  earlyRate: 'Tỷ lệ trước hạn (%)',
  lateRate: 'Tỷ lệ quá hạn (%)',
  onTimeRateBeforeExtension: 'Tỷ lệ đúng hẹn ban đầu (%)',
  processedOnTimeRate: 'Tỷ lệ hồ sơ đã và đang xử lý đúng hạn, theo hẹn ban đầu (%)',
  processedOnTimeRateWithExtension: 'Tỷ lệ hồ sơ đã và đang xử lý đúng hạn, kể cả gia hạn (%)',
  inProgressWithinTimeRate: 'Tỷ lệ đang giải quyết trong hạn (%)',
  dossierSyncRate: 'Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG (%)',
  onlineShare: 'Tỷ lệ tiếp nhận trực tuyến (%)',
  onlineShareOfOnlineServices: 'Tỷ lệ tiếp nhận trực tuyến, TTHC có DVC trực tuyến (%)',
  fullyOnlineShare: 'Tỷ lệ trực tuyến toàn trình (%)',
  onlinePaymentShare: 'Tỷ lệ thanh toán trực tuyến (%)',
  digitisedDossierShare: 'Tỷ lệ số hóa hồ sơ (%)',
  electronicResultShare: 'Tỷ lệ kết quả điện tử (%)',
  satisfactionRate: 'Tỷ lệ hài lòng (%)',
  serviceSatisfactionRate: 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC (%)',
  feedbackAnsweredRate: 'Tỷ lệ trả lời phản ánh (%)',
  feedbackOnTimeRate: 'Tỷ lệ phản ánh, kiến nghị trả lời đúng hạn (%)',
};

export const ratioNames = Object.keys(ratioLabels) as RatioName[];

export const indexLabel = 'Điểm Bộ chỉ số QĐ 766 (thang 100)';

export const averageDaysLabel = 'Thời gian xử lý bình quân (ngày làm việc)';

export const periodKindLabels = { month: 'Tháng', quarter: 'Quý', year: 'Năm' } as const;
