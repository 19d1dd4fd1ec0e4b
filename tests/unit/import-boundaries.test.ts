/**
 * The import boundaries the lint config keeps (eslint.config.js, `npm test` runs ESLint): each is shown
 * to fire on a file that crosses it, and to let the allowed import through.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const restricted = async (filePath: string, source: string) =>
  (await eslint.lintText(source, { filePath }))
    .flatMap((result) => result.messages)
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);

describe('import boundaries', () => {
  it('refuses infra/ to shared/ and functions/', async () => {
    expect(await restricted('shared/use-cases/fixture.ts', "import '../../infra/manifest.ts';\n")).toEqual([
      expect.stringContaining('FUNCTION_SETTINGS'),
    ]);
    expect(await restricted('functions/fixture/handler.ts', "import '#infra/manifest.ts';\n")).toHaveLength(1);
  });

  it('keeps the domain to itself: no adapter, use case, HTTP layer, configuration or AWS package', async () => {
    for (const source of [
      "import '../adapters/dynamo/client.ts';",
      "import '../../use-cases/file-dossier.ts';",
      "import '../http/problem.ts';",
      "import '../config.ts';",
      "import '@aws-sdk/client-dynamodb';",
      "import '../../infra/manifest.ts';",
    ]) {
      expect(await restricted('shared/domain/dossier/fixture.ts', `${source}\n`), source).toHaveLength(1);
    }
  });

  it('lets the domain import the domain and Node', async () => {
    const source = "import '../time.ts';\nimport './status.ts';\nimport 'node:crypto';\n";
    expect(await restricted('shared/domain/dossier/fixture.ts', source)).toEqual([]);
  });
});
