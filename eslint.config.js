import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'build-*/',
			'.svelte-kit/',
			'node_modules/',
			'drizzle/',
			'data/',
			'test-results/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error'
		}
	},
	// The layers (see docs/architecture.md): core and the wire protocol are pure and shared by
	// browser and server; browser code never reaches into server code; state does not depend on
	// components; the editor's pure logic depends on neither.
	{
		files: ['src/lib/core/**', 'src/lib/collab/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['svelte', 'svelte/*', '$app/*', '$env/*'],
							message: 'Pure layer: no Svelte.'
						},
						{ group: ['node:*'], message: 'Pure layer: runs in browsers too.' },
						{
							group: [
								'$lib/server/*',
								'$lib/state/*',
								'$lib/components/*',
								'$lib/editor/*',
								'**/server/**',
								'**/state/**',
								'**/components/**'
							],
							message: 'Pure layer: imports only core, collab and libraries.'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/editor/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/server/*', '$lib/state/*', '$lib/components/*', '**/server/**'],
							message: 'The editor logic is imported by state/ and components/, never the reverse.'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/state/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['$lib/server/*', '**/server/**'], message: 'Browser code: no server code.' },
						{ group: ['$lib/components/*'], message: 'state/ does not import components/.' }
					]
				}
			]
		}
	},
	{
		files: [
			'src/lib/components/**',
			'src/routes/**/*.svelte',
			'src/routes/**/+page.ts',
			'src/routes/**/+layout.ts'
		],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['$lib/server/*', '**/server/**'], message: 'Browser code: no server code.' }
					]
				}
			]
		}
	},
	{
		files: ['**/*.js', '**/*.cjs'],
		...ts.configs.disableTypeChecked
	},
	{
		// CommonJS on purpose (the y-websocket v1 reference server the benchmark runs).
		files: ['**/*.cjs'],
		languageOptions: { sourceType: 'commonjs' },
		rules: { '@typescript-eslint/no-require-imports': 'off' }
	}
);
