// Whether the production build in build/ is newer than everything it is made from, so npm start
// and the test run reuse it instead of building the same output again.
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
