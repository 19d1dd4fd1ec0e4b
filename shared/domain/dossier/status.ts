/** The lifecycle of docs/domain.md with the status codes exchanged with the national portal (DVCQG). */
export const dossierStatuses = {
  draft: { dvcqg: null, vi: 'Lưu nháp' },
  submitted: { dvcqg: 1, vi: 'Mới đăng ký' },
  received: { dvcqg: 2, vi: 'Được tiếp nhận' },
  refused: { dvcqg: 3, vi: 'Không được tiếp nhận' },
  processing: { dvcqg: 4, vi: 'Đang xử lý' },
  'supplement-requested': { dvcqg: 5, vi: 'Yêu cầu bổ sung' },
  'awaiting-fees': { dvcqg: 6, vi: 'Yêu cầu thực hiện nghĩa vụ tài chính' },
  withdrawn: { dvcqg: 7, vi: 'Công dân rút hồ sơ' },
  stopped: { dvcqg: 8, vi: 'Dừng xử lý' },
  decided: { dvcqg: 9, vi: 'Đã xử lý xong' },
  returned: { dvcqg: 10, vi: 'Đã trả kết quả' },
} as const;

export type DossierStatus = keyof typeof dossierStatuses;

/**
 * The open statuses: from filing until the decision, while the legal clock runs and the dossier can still
 * be withdrawn (the deadline watch, the due-date index, the overdue flag, the lifecycle's `withdraw`).
 * After them: decided (the result to return) and the final statuses.
 */
export const openStatuses: readonly DossierStatus[] = [
  'submitted',
  'received',
  'processing',
  'supplement-requested',
  'awaiting-fees',
];

export const isOpen = (status: DossierStatus): boolean => openStatuses.includes(status);
