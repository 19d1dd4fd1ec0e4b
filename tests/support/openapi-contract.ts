/**
 * Checks answers of the API against its OpenAPI document: the status must be one the operation
 * documents, the media type one it lists for that status, and a JSON body must match its schema.
 * The document is added to Ajv whole, so its `$ref`s (the shared ProblemDetails) resolve inside it.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { HttpMethod } from '../../infra/manifest.ts';
import { type OpenApiDocument, openApiMethods, openApiPath } from '../../shared/http/openapi/document.ts';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv2020,
) => void;

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

const documentId = 'https://egov-one-stop.gov.vn/openapi.json';
const pointer = (...parts: string[]) => parts.map((p) => `/${p.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

export function contractChecker(document: OpenApiDocument) {
  // Not strict: the document holds OpenAPI members beside the schemas (`in`, `x-roles`…).
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(document, documentId);
  const compiled = new Map<string, ValidateFunction>();
  const seen = new Set<string>();

  const responseOf = (
    method: string,
    path: string,
    status: number,
  ): { ref: string; value: Record<string, unknown> } | undefined => {
    const responses = document.paths[path]?.[method]?.responses;
    if (!responses) return undefined;
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
    if (!key) return undefined;
    const response = responses[key] as Record<string, unknown>;
    const ref = response.$ref as string | undefined;
    if (!ref) return { ref: pointer('paths', path, method, 'responses', key), value: response };
    const name = ref.replace('#/components/responses/', '');
    const components = document.components as { responses: Record<string, Record<string, unknown>> };
    return { ref: pointer('components', 'responses', name), value: components.responses[name] ?? {} };
  };

  return {
    /** The operations (`GET /v1/health`, as the manifest writes it) answered at least once. */
    seen,
    /** What is wrong with `answer` to `method` on the manifest route `path`; empty when it keeps the contract. */
    check(method: HttpMethod, path: string, answer: Answer, requestMethod = method): string[] {
      const where = `${requestMethod} ${path} → ${answer.status}`;
      const oaPath = openApiPath(path);
      const oaMethod = requestMethod.toLowerCase();
      if (!openApiMethods(method).includes(oaMethod)) return [`${where}: ${requestMethod} is not documented`];
      const response = responseOf(oaMethod, oaPath, answer.status);
      if (!response) return [`${where}: status not documented`];
      seen.add(`${method} ${path}`);
      const content = response.value.content as Record<string, { schema?: unknown }> | undefined;
      const mediaType = (answer.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
      if (!content)
        return answer.body === undefined || answer.body === '' ? [] : [`${where}: a body where none is documented`];
      const media = content[mediaType];
      if (!media)
        return [`${where}: ${mediaType || 'no content-type'} is not among ${Object.keys(content).join(', ')}`];
      if (!media.schema) return [];
      const ref = `${documentId}#${response.ref}${pointer('content', mediaType, 'schema')}`;
      let validate = compiled.get(ref);
      if (!validate) {
        validate = ajv.compile({ $ref: ref });
        compiled.set(ref, validate);
      }
      if (validate(answer.body)) return [];
      return [`${where}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(answer.body)?.slice(0, 300)}`];
    },
  };
}
