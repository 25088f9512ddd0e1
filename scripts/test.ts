// npm test: every check the project has, with each stage's time. The production build is made
// once, first; then the static checks (Prettier, ESLint, svelte-check), Vitest and Playwright run
// at the same time, since the tests spend most of their time waiting on servers, browsers and
// timers rather than on the processor. Each stage's output is printed whole when it ends, so
// two stages never interleave their lines. The stages are package.json's own scripts.
import { spawn } from 'node:child_process';

type Stage = { name: string; command: string; args: string[] };

const npm = (script: string): Stage => ({
	name: script,
	command: 'npm',
	args: ['run', '--silent', script]
});
const BUILD: Stage = {
	name: 'build',
	command: process.execPath,
	args: ['scripts/build-quietly.ts']
};
const AT_ONCE: Stage[][] = [[npm('lint'), npm('check')], [npm('test:unit')], [npm('test:e2e')]];

type Outcome = { name: string; ok: boolean; seconds: number };
const started = performance.now();

function run(stage: Stage): Promise<Outcome> {
	const begun = performance.now();
	return new Promise((resolve) => {
		const child = spawn(stage.command, stage.args, {
			env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' }
		});
		const output: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
		child.on('close', (code) => {
			const seconds = Math.round((performance.now() - begun) / 1000);
			const ok = code === 0;
			process.stdout.write(`\n── ${stage.name}: ${ok ? 'passed' : 'FAILED'} in ${seconds} s ──\n`);
			process.stdout.write(Buffer.concat(output));
			resolve({ name: stage.name, ok, seconds });
		});
	});
}

async function inTurn(stages: Stage[]) {
	const outcomes: Outcome[] = [];
	for (const stage of stages) outcomes.push(await run(stage));
	return outcomes;
}

const build = await run(BUILD);
const outcomes = build.ok ? [build, ...(await Promise.all(AT_ONCE.map(inTurn))).flat()] : [build];
const total = Math.round((performance.now() - started) / 1000);
console.log(
	`\n${outcomes.map((o) => `${o.name} ${o.ok ? 'passed' : 'FAILED'} (${o.seconds} s)`).join(', ')}`
);
console.log(`npm test took ${Math.floor(total / 60)} min ${total % 60} s.`);
process.exit(outcomes.every((o) => o.ok) ? 0 : 1);
