// The production build in build/: made always as production, and whether it is newer than
// everything it is made from, so npm start and the test run reuse it instead of building again.
import { spawnSync, type StdioOptions } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

function newestChangeMs(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(
		stat.mtimeMs,
		...readdirSync(path).map((name) => newestChangeMs(join(path, name)))
	);
}

export function buildIsFresh(): boolean {
	const builtAt = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
	return builtAt > Math.max(...SOURCES.map(newestChangeMs));
}

/**
 * `vite build` for production whoever calls it. A NODE_ENV the caller set (Vitest sets "test")
 * would otherwise compile Svelte's development checks into the server that npm start reuses.
 */
export function runProductionBuild(stdio: StdioOptions) {
	return spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
		stdio,
		env: { ...process.env, NODE_ENV: 'production' }
	});
}
