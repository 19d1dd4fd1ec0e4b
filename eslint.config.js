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

/** What sits above the use cases: adapters, the HTTP and queue layers, the portal, composition, the functions. */
const layersAbove = [
  '**/adapters/**',
  '\\#adapters/*',
  '**/http/**',
  '\\#http/*',
  '**/portal/**',
  '**/queue/**',
  '**/composition/**',
  '**/functions/**',
];
const awsPackages = ['@aws-sdk/*', '@smithy/*', '@aws-lambda-powertools/*', '@middy/*'];

/**
 * One `no-restricted-imports` block per folder, each with {@link noInfra} and the folder's own patterns:
 * a later block replaces the rule's options of an earlier one for the files both match, so every block
 * repeats what holds everywhere.
 */
const boundaries = (byFolder) =>
  Object.entries(byFolder).map(([files, patterns]) => ({
    files: [files],
    rules: { 'no-restricted-imports': ['error', { patterns: [noInfra, ...patterns] }] },
  }));

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
  ...boundaries({
    // What a function bundles: it reads its own manifest entry from its environment (shared/function-settings.ts).
    'shared/**/*.ts': [],
    // The domain is the rules alone: no AWS, no I/O, nothing of the layers that use it. shared/documents is not
    // listed: its relative path reads like the domain's own documents/ folder.
    'shared/domain/**/*.ts': [
      {
        group: [...layersAbove, '**/use-cases/**', '**/config.ts', '\\#shared/*', ...awsPackages],
        message:
          'The domain imports nothing outside shared/domain but Node built-ins: no AWS, no I/O, no layer above it.',
      },
    ],
    // Use cases say what they need as ports (shared/use-cases/ports); the adapters implement them.
    'shared/use-cases/**/*.ts': [
      {
        group: [...layersAbove, '**/config.ts', ...awsPackages],
        message:
          'Use cases import the domain, other use cases and their ports (shared/use-cases/ports), never an adapter, the HTTP or queue layer, the configuration or an AWS package.',
      },
    ],
    // Adapters implement ports; what runs them (use cases, handlers) is above them.
    'shared/adapters/**/*.ts': [
      {
        // A regex: the ports (ports/, or a ports.ts beside a group of use cases) are inside use-cases/,
        // which a gitignore pattern cannot re-include.
        regex: '(^|/)use-cases/(?!ports/)(?!(.+/)?ports\\.ts$)',
        message: 'Adapters implement the ports (shared/use-cases/ports): they import no use case.',
      },
      {
        group: ['**/http/**', '\\#http/*', '**/portal/**', '**/queue/**', '**/composition/**', '**/functions/**'],
        message: 'Adapters import the domain and the ports they implement, never a layer above them.',
      },
    ],
    // The portal reaches the data through the API with the person's token, never through an adapter.
    'shared/portal/**/*.ts': [
      {
        group: ['**/adapters/**', '\\#adapters/*'],
        message:
          'The portal holds no grant on the data: it calls the API (shared/portal/api-client.ts), never an adapter.',
      },
    ],
    // One Lambda function, one folder: what two functions share lives in shared/.
    'functions/**/*.ts': [
      {
        regex: '^\\.\\./(?!\\.\\./)',
        message: 'A function imports no other function: what two functions share belongs in shared/.',
      },
    ],
  }),
);
