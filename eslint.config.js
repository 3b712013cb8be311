// Lint rules, including the layer rules of docs/architecture.md: imports point one way,
// cli -> services -> ingest | nlp | terms | store -> core.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, forbidden) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((dir) => ({
          group: [`**/${dir}/**`, `../${dir}/*`],
          message: `This layer must not import ${dir}/ (see docs/architecture.md).`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'web/dist/**', '.scratch*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', performance: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  layer(['src/core/**'], ['ingest', 'nlp', 'terms', 'incidents', 'store', 'services', 'server', 'cli']),
  layer(['src/ingest/**', 'src/terms/**', 'src/incidents/**', 'src/store/**'], ['services', 'server', 'cli']),
  layer(['src/nlp/**'], ['store', 'server', 'services', 'cli', 'ingest', 'terms', 'incidents']),
  layer(['src/services/**'], ['server', 'cli']),
  // auth/ is a pure domain layer (passwords, secrets, roles): it may import core only.
  layer(['src/auth/**'], ['ingest', 'nlp', 'terms', 'incidents', 'store', 'services', 'server', 'cli']),
  layer(['src/server/**'], ['cli', 'nlp', 'ingest', 'terms', 'incidents']),
  // The dashboard (web/) is a browser app: it talks to the server over HTTP only, and imports from src/
  // only the taxonomy and the review states (pure data).
  {
    files: ['web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // src/core/taxonomy.ts and review-states.ts are pure data, shared rather than copied.
              regex: '^(?:\\.\\./)+src/(?!core/(?:taxonomy|review-states)\\.js$)',
              message: 'web/ must not import src/: use the HTTP API (web/src/api.ts).',
            },
          ],
        },
      ],
      // Report text is hostile: the dashboard builds DOM nodes (web/src/dom.ts), never HTML strings.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML|insertAdjacentHTML|srcdoc)$/]',
          message: 'No HTML strings in web/: build nodes with h() and textContent (web/src/dom.ts).',
        },
        {
          selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
          message: 'No document.write in web/.',
        },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval in web/ (and the CSP forbids it).' },
      ],
    },
  },
);
