import prettier from 'eslint-config-prettier';
import path from 'node:path';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';

const gitignorePath = path.resolve(import.meta.dirname, '.gitignore');

export default defineConfig(
	includeIgnoreFile(gitignorePath),
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	prettier,
	svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript-eslint strongly recommend that you do not use the no-undef lint rule on TypeScript projects.
			// see: https://typescript-eslint.io/troubleshooting/faqs/eslint/#i-get-errors-from-the-no-undef-rule-about-global-variables-not-being-defined-even-though-there-are-no-typescript-errors
			'no-undef': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				extraFileExtensions: ['.svelte'],
				parser: ts.parser
			}
		}
	},
	{
		rules: {
			// Branchdesk is always served from the root of its host (no paths.base), so plain
			// href strings are the links; resolve() would add noise without changing one.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// The server's domain modules know nothing of SvelteKit: requests, cookies, redirects and
		// form reading live in src/lib/server/kit, so the rules can be tested and reused anywhere.
		files: ['src/lib/server/**/*.ts'],
		ignores: ['src/lib/server/kit/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['@sveltejs/kit', '@sveltejs/kit/*', '$app/*'],
							message: 'SvelteKit-aware server code belongs in src/lib/server/kit.'
						}
					]
				}
			]
		}
	},
	{
		// Files a newcomer can read in one sitting, functions that fit on a screen.
		files: ['**/*.ts', '**/*.js', '**/*.svelte'],
		rules: {
			'max-lines': ['error', { max: 250 }],
			'max-lines-per-function': ['error', { max: 60 }]
		}
	},
	{
		// A test file's describe block holds its stories: its length is theirs, not one function's.
		files: ['**/*.test.ts', 'tests/**/*.ts'],
		rules: { 'max-lines-per-function': 'off' }
	}
);
