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

  it('keeps use cases to the domain, other use cases and their ports', async () => {
    for (const source of [
      "import type { DossierRepository } from '../adapters/dynamo/dossier-repository.ts';",
      "import '../../adapters/s3/document-store.ts';",
      "import '#adapters/dynamo/client.ts';",
      "import '../http/problem.ts';",
      "import '../queue/queue-handler.ts';",
      "import '../composition/quotas.ts';",
      "import '../config.ts';",
      "import '@aws-sdk/lib-dynamodb';",
      "import '@aws-lambda-powertools/logger';",
    ]) {
      expect(await restricted('shared/use-cases/fixture.ts', `${source}\n`), source).toHaveLength(1);
    }
    const allowed = [
      "import type { DossierRepository } from './ports/dossier-repository.ts';",
      "import type { ContactPorts } from './contacts/ports.ts';",
      "import { isOpen } from '../domain/dossier/status.ts';",
      "import { quotas } from './quotas.ts';",
      "import * as z from 'zod/mini';",
      '',
    ].join('\n');
    expect(await restricted('shared/use-cases/fixture.ts', allowed)).toEqual([]);
  });

  it('lets adapters import the ports they implement and the domain, never a use case or a layer above', async () => {
    for (const source of [
      "import { fileDossierUseCase } from '../../use-cases/file-dossier.ts';",
      "import { contactGate } from '../../use-cases/contacts/contact-gate.ts';",
      "import '../../http/problem.ts';",
      "import '../../portal/api-client.ts';",
      "import '../../composition/quotas.ts';",
    ]) {
      expect(await restricted('shared/adapters/dynamo/fixture.ts', `${source}\n`), source).toHaveLength(1);
    }
    const allowed = [
      "import type { DossierRepository } from '../../use-cases/ports/dossier-repository.ts';",
      "import type { ContactPorts } from '../../use-cases/contacts/ports.ts';",
      "import type { Dossier } from '../../domain/dossier/dossier.ts';",
      "import { db } from './client.ts';",
      '',
    ].join('\n');
    expect(await restricted('shared/adapters/dynamo/fixture.ts', allowed)).toEqual([]);
  });

  it('keeps the portal away from the adapters: it calls the API', async () => {
    expect(
      await restricted(
        'shared/portal/fixture.ts',
        "import type { StoredDossier } from '../adapters/dynamo/dossier-repository.ts';\n",
      ),
    ).toHaveLength(1);
    expect(await restricted('shared/portal/pages/fixture.ts', "import '#adapters/dynamo/client.ts';\n")).toHaveLength(
      1,
    );
    expect(await restricted('shared/portal/fixture.ts', "import { apiClient } from './api-client.ts';\n")).toEqual([]);
  });

  it('keeps each function to its own folder: what two share lives in shared/', async () => {
    expect(
      await restricted('functions/get-dossier/handler.ts', "import { handler } from '../submit-dossier/handler.ts';\n"),
    ).toHaveLength(1);
    const allowed =
      "import { httpHandler } from '#http/http-handler.ts';\nimport { x } from './x.ts';\nimport '../../shared/config.ts';\n";
    expect(await restricted('functions/get-dossier/handler.ts', allowed)).toEqual([]);
  });
});
