// npm test's first stage: Prettier, ESLint and svelte-check side by side (each keeps one core
// busy, so together they take as long as the slowest), each one's output printed whole when it
// ends. Fails if any of them fails. `npm run lint` and `npm run check` run them one at a time.
import { spawn, spawnSync } from 'node:child_process';

const CHECKS = [
	{ name: 'Prettier', args: ['node_modules/prettier/bin/prettier.cjs', '--check', '.'] },
	{ name: 'ESLint', args: ['node_modules/eslint/bin/eslint.js', '.'] },
	{
		name: 'svelte-check',
		args: [
			'node_modules/svelte-check/bin/svelte-check',
			'--tsconfig',
			'./tsconfig.json',
			'--fail-on-warnings'
		]
	}
];

function run(check: (typeof CHECKS)[number]): Promise<boolean> {
	const started = performance.now();
	return new Promise((resolve) => {
		const child = spawn(process.execPath, check.args);
		const output: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
		child.on('close', (code) => {
			const seconds = Math.round((performance.now() - started) / 1000);
			console.log(`${check.name}: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
			if (code !== 0 || output.length) process.stdout.write(Buffer.concat(output));
			resolve(code === 0);
		});
	});
}

// svelte-check reads the types SvelteKit generates; they must exist before it starts.
const sync = spawnSync(process.execPath, ['node_modules/@sveltejs/kit/svelte-kit.js', 'sync'], {
	stdio: 'inherit'
});
if (sync.status !== 0) process.exit(sync.status ?? 1);
const results = await Promise.all(CHECKS.map(run));
process.exit(results.every(Boolean) ? 0 : 1);
