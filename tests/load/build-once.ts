// Vitest global setup: the fault tests start the production build (`node build`), so build it
// first when it is missing or older than anything it is made from.
import { buildIsFresh, runProductionBuild } from '../../scripts/build-freshness.ts';

export default function buildOnce() {
	if (buildIsFresh()) return;
	const build = runProductionBuild('inherit');
	if (build.status !== 0) throw new Error(`vite build failed (exit ${build.status})`);
}
