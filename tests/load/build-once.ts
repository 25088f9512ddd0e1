// Vitest global setup: the fault tests start the production build (`node build`), so build it
// first when it is missing or older than anything it is made from.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestChangeMs(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(
		stat.mtimeMs,
		...readdirSync(path).map((name) => newestChangeMs(join(path, name)))
	);
}

export default function buildOnce() {
	const builtAt = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
	const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];
	if (builtAt > Math.max(...sources.map(newestChangeMs))) return;
	const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		stdio: 'inherit'
	});
	if (build.status !== 0) throw new Error(`vite build failed (exit ${build.status})`);
}
