import { expect } from 'vitest';
import type { LocalCloud } from '../../infra/local/cloud.ts';
import { localUsers } from '../../infra/local/seed-agencies.ts';
import { apiClient } from '../../shared/http/api-client.ts';

export interface TestResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read response bodies of every shape
  body: any;
}

/** A request to the local cloud's API as a client sends it, answered as it came (refusals included). */
export async function request(
  cloud: Pick<LocalCloud, 'apiUrl'>,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<TestResponse> {
  const { token, ...call } = options;
  const { status, headers, body } = await apiClient(cloud.apiUrl, token).call(method, path, call);
  return { status, headers, body };
}

/** A token for one of the demo users or the generated staff, by subject. */
export function tokenFor(cloud: Pick<LocalCloud, 'issueToken'>, sub: string): Promise<string> {
  const user = localUsers.find((u) => u.sub === sub);
  if (!user) throw new Error(`No demo user ${sub}`);
  return cloud.issueToken(user);
}

/** A valid online application for a birth registration at Phường Bắc Giang. */
export const birthRegistration = (overrides: Record<string, unknown> = {}) => ({
  procedureCode: '1.001193',
  communeCode: '07210',
  applicant: {
    fullName: 'Nguyễn Văn An',
    idNumber: '024090001234',
    phone: '0912345678',
    address: 'Phường Bắc Giang, tỉnh Bắc Ninh',
  },
  formData: { childName: 'Nguyễn Minh Khang' },
  ...overrides,
});

/**
 * One lifecycle step (`POST /v1/dossiers/{code}/actions`) as a client takes it: on `expectedVersion`,
 * or on the version it reads first, reading again when a worker's step (the routing, a signature)
 * came between its read and its step (409 `version-conflict`), as the portal asks its user to.
 * Anything but 200 fails the test, with the problem in the message.
 */
export async function actOnDossier(
  cloud: Pick<LocalCloud, 'apiUrl'>,
  token: string | undefined,
  code: string,
  action: Record<string, unknown>,
  expectedVersion?: number,
): Promise<TestResponse['body']> {
  for (let attempt = 1; ; attempt++) {
    const version =
      expectedVersion ?? (await request(cloud, 'GET', `/v1/dossiers/${code}`, token ? { token } : {})).body.version;
    const response = await request(cloud, 'POST', `/v1/dossiers/${code}/actions`, {
      ...(token ? { token } : {}),
      body: { ...action, expectedVersion: version },
    });
    const raced = response.status === 409 && response.body.code === 'version-conflict';
    if (raced && expectedVersion === undefined && attempt < 5) continue;
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }
}
