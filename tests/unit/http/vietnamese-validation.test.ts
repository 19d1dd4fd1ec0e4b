/**
 * The field messages of a 400 validation-failed are read by people (and shown as-is by the portal),
 * so zod's generic English must never reach them; a schema's own message must not be overwritten.
 * Everything goes through parseRequest, the middleware every route uses.
 */
import type { Request } from '@middy/core';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { type HttpEvent, parseRequest, type RequestSchemas } from '../../../shared/http/parse-request.ts';
import { type FieldError, Problem } from '../../../shared/http/problem.ts';
import { SubmitDossierBody } from '../../../shared/use-cases/file-dossier.ts';
import { PageQuery } from '../../../shared/use-cases/pagination.ts';

function event(body: unknown, query?: Record<string, string>): HttpEvent {
  return {
    body: JSON.stringify(body),
    isBase64Encoded: false,
    headers: { 'content-type': 'application/json' },
    queryStringParameters: query,
    requestContext: { requestId: 'req-1' },
  } as unknown as HttpEvent;
}

/** The per-field messages of the problem parseRequest throws. */
function fieldMessages(schemas: RequestSchemas, input: HttpEvent): Record<string, string> {
  const middleware = parseRequest('public', schemas, 256 * 1024);
  try {
    void middleware.before?.({ event: input, context: {} as Context } as Request<HttpEvent>);
  } catch (error) {
    if (!(error instanceof Problem) || error.code !== 'validation-failed') throw error;
    const errors = error.extra.errors as FieldError[];
    return Object.fromEntries(errors.map((e) => [e.field, e.message]));
  }
  throw new Error('the request was accepted');
}

const Body = z.strictObject({
  name: z.string().trim().min(1).max(10),
  email: z.email(),
  count: z.number().int().min(1).max(5),
  code: z.string().regex(/^\d{5}$/, 'Mã xã, phường gồm 5 chữ số'),
  kind: z.enum(['online', 'counter']),
  tags: z.array(z.string()).min(1),
});

const valid = { name: 'An', email: 'an@example.vn', count: 2, code: '00001', kind: 'online', tags: ['a'] };

describe('Vietnamese field messages of a validation failure', () => {
  it('says an empty required string must not be empty', () => {
    expect(fieldMessages({ body: Body }, event({ ...valid, name: '   ' }))).toEqual({ name: 'Không được để trống' });
  });

  it('says a missing field is required', () => {
    const { name: _name, ...withoutName } = valid;
    expect(fieldMessages({ body: Body }, event(withoutName))).toEqual({ name: 'Trường này là bắt buộc' });
  });

  it('names the expected type in Vietnamese', () => {
    expect(fieldMessages({ body: Body }, event({ ...valid, name: 42, count: 'hai' }))).toEqual({
      name: 'Phải là chuỗi ký tự',
      count: 'Phải là số',
    });
  });

  it('says an invalid email is invalid', () => {
    expect(fieldMessages({ body: Body }, event({ ...valid, email: 'an@' }))).toEqual({
      email: 'Địa chỉ email không hợp lệ',
    });
  });

  it('gives the limits of a too long string, a number out of range and an empty list', () => {
    expect(fieldMessages({ body: Body }, event({ ...valid, name: 'Nguyễn Văn An', count: 9, tags: [] }))).toEqual({
      name: 'Tối đa 10 ký tự',
      count: 'Phải nhỏ hơn hoặc bằng 5',
      tags: 'Phải có ít nhất 1 phần tử',
    });
    expect(fieldMessages({ body: Body }, event({ ...valid, count: 1.5 }))).toEqual({ count: 'Phải là số nguyên' });
  });

  it('lists the allowed options', () => {
    expect(fieldMessages({ body: Body }, event({ ...valid, kind: 'fax' }))).toEqual({
      kind: 'Phải là một trong: online, counter',
    });
  });

  it("keeps a schema's own message", () => {
    expect(fieldMessages({ body: Body }, event({ ...valid, code: '12' }))).toEqual({
      code: 'Mã xã, phường gồm 5 chữ số',
    });
  });

  it('still names an unknown field as not allowed', () => {
    expect(fieldMessages({ body: Body }, event({ ...valid, status: 'decided' }))).toEqual({
      status: 'Trường không được phép',
    });
  });

  it('applies to query parameters too', () => {
    expect(fieldMessages({ query: PageQuery }, event(undefined, { limit: '500' }))).toEqual({
      'query.limit': 'Phải nhỏ hơn hoặc bằng 100',
    });
  });

  it('leaves no English in the messages of a real schema', () => {
    const messages = fieldMessages(
      { body: SubmitDossierBody },
      event({
        procedureCode: 'x',
        applicant: { fullName: '', idNumber: 12, email: 'not-an-email', address: 'a'.repeat(501) },
        returnMethod: 'fax',
        formData: [],
      }),
    );
    expect(messages).toEqual({
      procedureCode: 'Mã thủ tục có dạng 1.001234',
      'applicant.fullName': 'Không được để trống',
      'applicant.idNumber': 'Phải là chuỗi ký tự',
      'applicant.email': 'Địa chỉ email không hợp lệ',
      'applicant.address': 'Tối đa 500 ký tự',
      returnMethod: 'Phải là một trong: online, counter, post',
      formData: 'Phải là đối tượng',
    });
    for (const message of Object.values(messages)) {
      expect(message).not.toMatch(/\b(Invalid|expected|Too (small|big)|received|string|number)\b/);
    }
  });
});
