import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );

describe('request paths read by key or index only', () => {
  const files = [...sources('functions'), ...sources('shared')];

  it('reads the sources of every function and the shared code', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files).toContain(join('shared', 'adapters', 'dynamo', 'dossier-repository.ts'));
  });

  it.each(files)('%s never scans the table', (file) => {
    expect(readFileSync(file, 'utf8')).not.toMatch(/\b(ScanCommand|ScanCommandInput|paginateScan)\b/);
  });
});
