/**
 * Writes the API's OpenAPI 3.1 document to docs/openapi.json (`npm run openapi`), formatted as the
 * repository's prettier does, so the committed file stays what the generator makes.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as prettier from 'prettier';
import { repoRoot } from '../infra/local/lambda.ts';
import { documentedRoutes } from '../infra/documented-routes.ts';
import { openApiDocument } from '../shared/http/openapi/document.ts';

const openApiFile = resolve(repoRoot, 'docs/openapi.json');

const options = (await prettier.resolveConfig(openApiFile)) ?? {};
const text = await prettier.format(JSON.stringify(openApiDocument(documentedRoutes)), {
  ...options,
  filepath: openApiFile,
});
writeFileSync(openApiFile, text);
console.log(`Wrote ${openApiFile}`);
