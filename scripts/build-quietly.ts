// npm start's build: `vite build` with its file list held back. On success it prints one line;
// on failure everything the build said, errors included, and npm start stops there. A build newer
// than every source is reused as it is.
import { buildIsFresh, runProductionBuild } from './build-freshness.ts';

if (buildIsFresh()) {
	console.log('The production server is already built from these sources.');
	process.exit(0);
}
console.log('Building the production server…');
const started = performance.now();
const build = runProductionBuild('pipe');
if (build.status !== 0) {
	process.stdout.write(build.stdout ?? '');
	process.stderr.write(build.stderr ?? '');
	console.error(`The build failed${build.error ? `: ${build.error.message}` : ''}.`);
	process.exit(build.status ?? 1);
}
console.log(`Built in ${Math.round((performance.now() - started) / 1000)} s.`);
