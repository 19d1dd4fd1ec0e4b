import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Nothing under shared/ or functions/ imports infra/: a function's manifest entry is in its FUNCTION_SETTINGS.
 * The patterns are gitignore-style, where a leading # starts a comment: the import aliases are escaped.
 */
const noInfra = {
  group: ['**/infra/**', '\\#infra/*'],
  message:
    'Functions do not import infra/: their manifest entry is in FUNCTION_SETTINGS (shared/function-settings.ts).',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.local-cloud/', 'demo-out/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Focused or skipped tests never land.
      'no-restricted-properties': [
        'error',
        ...['it', 'test', 'describe'].flatMap((object) =>
          ['only', 'skip', 'todo'].map((property) => ({ object, property, message: 'No focused or skipped tests.' })),
        ),
      ],
    },
  },
  {
    // What a function bundles: it reads its own manifest entry from its environment (shared/function-settings.ts).
    files: ['shared/**/*.ts', 'functions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [noInfra],
        },
      ],
    },
  },
  {
    // The domain is the rules alone: no AWS, no I/O, nothing of the layers that use it (a later block replaces
    // the rule's options for these files, so it repeats the one above). shared/documents is not listed: its
    // relative path reads like the domain's own documents/ folder.
    files: ['shared/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noInfra,
            {
              group: [
                '**/adapters/**',
                '**/use-cases/**',
                '**/http/**',
                '**/portal/**',
                '**/queue/**',
                '**/composition/**',
                '**/config.ts',
                '\\#adapters/*',
                '\\#http/*',
                '\\#shared/*',
                '@aws-sdk/*',
                '@aws-lambda-powertools/*',
                '@middy/*',
              ],
              message:
                'The domain imports nothing outside shared/domain but Node built-ins: no AWS, no I/O, no layer above it.',
            },
          ],
        },
      ],
    },
  },
);
