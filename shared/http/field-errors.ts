import type * as z from 'zod/mini';
import vi from 'zod/v4/locales/vi.js';
import type { FieldError } from './problem.ts';

/** zod issues as per-field errors; unknown keys name themselves so mass assignment is visible. */
export function fieldErrors(error: z.core.$ZodError, prefix: string): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: path ? `${path}.${key}` : key, message: 'Trường không được phép' }));
    }
    return [{ field: path, message: issue.message }];
  });
}

const typeNames: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  bigint: 'số nguyên',
  boolean: 'true hoặc false',
  array: 'danh sách',
  object: 'đối tượng',
  record: 'đối tượng',
  date: 'ngày',
};

const formatNames: Record<string, string> = {
  email: 'Địa chỉ email',
  url: 'Đường dẫn (URL)',
  uuid: 'Mã UUID',
  datetime: 'Thời điểm (ISO 8601)',
  date: 'Ngày (YYYY-MM-DD)',
  time: 'Giờ (HH:MM:SS)',
};

const quoted = (value: unknown) => (typeof value === 'string' ? `"${value}"` : String(value));

const units: Record<string, string> = { string: 'ký tự', array: 'phần tử', set: 'phần tử', file: 'byte' };

// zod's own Vietnamese locale for what is rarely met; its messages name types and regexes as a programmer would.
const localeFallback = vi().localeError;

/**
 * zod's generic messages in plain Vietnamese, for the person reading the form. It is passed to each
 * parse (not set globally), and a message a schema writes itself still wins over it.
 */
export const vietnameseErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Trường này là bắt buộc';
      return typeNames[issue.expected] ? `Phải là ${typeNames[issue.expected]}` : 'Sai kiểu dữ liệu';
    case 'too_small': {
      const unit = units[issue.origin];
      const min = Number(issue.minimum);
      if (!unit) return issue.inclusive ? `Phải lớn hơn hoặc bằng ${min}` : `Phải lớn hơn ${min}`;
      if (issue.exact) return `Phải có đúng ${min} ${unit}`;
      if (issue.origin === 'string' && min === 1) return 'Không được để trống';
      return `Phải có ít nhất ${issue.inclusive ? min : min + 1} ${unit}`;
    }
    case 'too_big': {
      const unit = units[issue.origin];
      const max = Number(issue.maximum);
      if (!unit) return issue.inclusive ? `Phải nhỏ hơn hoặc bằng ${max}` : `Phải nhỏ hơn ${max}`;
      if (issue.exact) return `Phải có đúng ${max} ${unit}`;
      return `Tối đa ${issue.inclusive ? max : max - 1} ${unit}`;
    }
    case 'invalid_format':
      if (issue.format === 'starts_with' && 'prefix' in issue) return `Phải bắt đầu bằng "${String(issue.prefix)}"`;
      if (issue.format === 'regex') return 'Không đúng định dạng';
      return formatNames[issue.format] ? `${formatNames[issue.format]} không hợp lệ` : localeFallback(issue);
    case 'invalid_value':
      return issue.values.length === 1
        ? `Phải là ${quoted(issue.values[0])}`
        : `Phải là một trong: ${issue.values.map(String).join(', ')}`;
    case 'not_multiple_of':
      return `Phải là bội số của ${Number(issue.divisor)}`;
    case 'invalid_union':
      return 'Giá trị không hợp lệ';
    default:
      return localeFallback(issue);
  }
};
