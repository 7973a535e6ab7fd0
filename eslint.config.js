import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layers = ['domain', 'ports', 'adapters', 'host', 'seeds', 'test'];
const outside = (...allowed) =>
  layers.filter((layer) => !allowed.includes(layer)).map((layer) => ({ group: [`**/${layer}/**`], message: `this layer does not import ${layer}/` }));
const FRAMEWORKS = ['express', 'express-*', 'inversify', 'objection', 'knex', 'redis', '@redis/*', 'reflect-metadata', 'pino', 'prom-client'];

/**
 * The dependency direction of STYLE.md, with no exceptions: domain/ imports itself and, as types
 * only, ports/; ports/ imports domain types only; adapters/ never import host/; nothing imports
 * test/ but test/; no framework below host/ and adapters/.
 */
export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'scratch/', 'web/', 'host/http/openapi-types.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Tests read JSON answers of any shape.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/ports/**'], allowTypeImports: true, message: 'domain/ imports ports/ as types only' },
            ...outside('domain', 'ports'),
            { regex: '^[^.]', message: 'domain/ imports nothing but its own files: no package, no node: module' },
          ],
        },
      ],
    },
  },
  {
    files: ['ports/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/domain/**'], allowTypeImports: true, message: 'ports/ import domain types only' },
            ...outside('domain', 'ports'),
            { regex: '^[^.]', message: 'ports/ import nothing but domain types' },
          ],
        },
      ],
    },
  },
  {
    files: ['adapters/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: outside('domain', 'ports', 'adapters') }] },
  },
  {
    files: ['host/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: outside('domain', 'ports', 'adapters', 'host') }] },
  },
  {
    files: ['seeds/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: outside('domain', 'ports', 'adapters', 'host', 'seeds') }] },
  },
  {
    files: ['domain/**/*.ts', 'ports/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: FRAMEWORKS, message: 'no framework below host/ and adapters/' }] }] },
  },
);
