import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { jsonSecurityHeaders } from './security-headers.ts';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * An error the client should see, as RFC 9457 problem details. `code` is the stable machine
 * identifier; `title` and `detail` are for people and so are in Vietnamese.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(`${status} ${code}`);
  }
}

export const problems = {
  validation: (errors: FieldError[]) =>
    new Problem(400, 'validation-failed', 'Dữ liệu gửi lên không hợp lệ', 'Vui lòng sửa các trường được nêu.', {
      errors,
    }),
  malformedJson: () =>
    new Problem(400, 'malformed-json', 'Nội dung không phải JSON hợp lệ', 'Thân yêu cầu phải là một đối tượng JSON.'),
  unsupportedMediaType: () =>
    new Problem(415, 'unsupported-media-type', 'Kiểu nội dung không được hỗ trợ', 'Hãy gửi application/json.'),
  tooLarge: (limitBytes: number) =>
    new Problem(413, 'payload-too-large', 'Nội dung quá lớn', `Thân yêu cầu không được vượt quá ${limitBytes} byte.`),
  unauthenticated: () => new Problem(401, 'unauthenticated', 'Chưa đăng nhập', 'Cần mã truy cập hợp lệ.'),
  forbidden: () =>
    new Problem(403, 'forbidden', 'Không có quyền', 'Vai trò của bạn không được thực hiện thao tác này.'),
  notFound: (what = 'Tài nguyên') => new Problem(404, 'not-found', 'Không tìm thấy', `${what} không tồn tại.`),
  conflict: (detail: string, extra: Record<string, unknown> = {}) =>
    new Problem(409, 'conflict', 'Xung đột dữ liệu', detail, extra),
  idempotencyKeyReused: () =>
    new Problem(
      422,
      'idempotency-key-reused',
      'Khóa Idempotency-Key đã dùng cho yêu cầu khác',
      'Mỗi yêu cầu mới cần một Idempotency-Key mới.',
    ),
  invalidIdempotencyKey: () =>
    new Problem(
      400,
      'invalid-idempotency-key',
      'Khóa Idempotency-Key không hợp lệ',
      'Idempotency-Key phải gồm từ 1 đến 255 ký tự ASCII nhìn thấy được (không dấu cách, không chữ có dấu).',
    ),
  requestInProgress: () =>
    new Problem(409, 'request-in-progress', 'Yêu cầu đang được xử lý', 'Yêu cầu cùng Idempotency-Key đang xử lý.'),
  internal: () => new Problem(500, 'internal-error', 'Lỗi hệ thống', 'Đã có lỗi xảy ra. Vui lòng thử lại sau ít phút.'),
};

/** The members RFC 9457 defines (and our `code`): a problem's own facts never take their names. */
const reservedMembers = new Set(['type', 'code', 'status', 'title', 'detail', 'instance']);

const factsOf = (problem: Problem): Record<string, unknown> =>
  Object.fromEntries(Object.entries(problem.extra).filter(([name]) => !reservedMembers.has(name)));

export function problemResponse(problem: Problem, instance?: string): APIGatewayProxyStructuredResultV2 {
  // A 429 tells the client when to try again (RFC 9110, 10.2.3): the problem's `retryAfterSeconds`.
  const retryAfter = problem.status === 429 ? problem.extra?.retryAfterSeconds : undefined;
  return {
    statusCode: problem.status,
    headers: {
      'content-type': 'application/problem+json',
      'cache-control': 'no-store',
      ...(typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {}),
      ...jsonSecurityHeaders,
    },
    body: JSON.stringify({
      type: `https://egov-one-stop.gov.vn/problems/${problem.code}`,
      code: problem.code,
      status: problem.status,
      title: problem.title,
      ...(problem.detail ? { detail: problem.detail } : {}),
      ...(instance ? { instance } : {}),
      ...factsOf(problem),
    }),
  };
}
