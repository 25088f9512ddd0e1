// Vitest global setup: the fault tests start the production build (`node build`), so build it
// first when it is missing or older than anything it is made from.
import { spawnSync } from 'node:child_process';
import { buildIsFresh } from '../../scripts/build-freshness.ts';

export default function buildOnce() {
	if (buildIsFresh()) return;
	const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		stdio: 'inherit'
	});
	if (build.status !== 0) throw new Error(`vite build failed (exit ${build.status})`);
}
