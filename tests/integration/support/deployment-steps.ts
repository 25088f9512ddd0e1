// Reading the deployment as written: the shell commands of README.md's "Run it for your branch"
// and the systemd units in deploy/, so the deployment test runs exactly what an operator would.
import { readFileSync } from 'node:fs';

/** Every command line in the section's ```sh blocks, in order. */
export function readmeDeploymentCommands() {
	const readme = readFileSync('README.md', 'utf8');
	const start = readme.indexOf('## Run it for your branch');
	if (start < 0) throw new Error('README.md has no "Run it for your branch" section');
	const end = readme.indexOf('\n## ', start + 1);
	const section = readme.slice(start, end < 0 ? undefined : end);
	return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) =>
		block[1]
			.split('\n')
			.map((line) => line.trim())
			.filter((line) => line && !line.startsWith('#'))
	);
}

export type Unit = {
	file: string;
	environmentFile: string | null;
	environment: Record<string, string>;
	workingDirectory: string | null;
	execStart: string[];
	execStartPost: string[];
};

export function readUnit(file: string): Unit {
	const values = (key: string) =>
		[...readFileSync(file, 'utf8').matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((m) =>
			m[1].trim()
		);
	return {
		file,
		environmentFile: values('EnvironmentFile')[0] ?? null,
		environment: Object.fromEntries(values('Environment').map((pair) => pair.split(/=(.*)/s, 2))),
		workingDirectory: values('WorkingDirectory')[0] ?? null,
		execStart: values('ExecStart'),
		execStartPost: values('ExecStartPost')
	};
}

/** KEY=VALUE lines, as systemd's EnvironmentFile and deploy/with-env both read this file. */
export function readEnvironmentFile(text: string) {
	return Object.fromEntries(
		text
			.split('\n')
			.map((line) => line.trim())
			.filter((line) => line && !line.startsWith('#'))
			.map((line) => line.split(/=(.*)/s, 2) as [string, string])
	);
}

/** A unit's command line as systemd runs it: ${NAME} from its environment, split on spaces. */
export function commandWords(line: string, env: Record<string, string>) {
	return line
		.split(/\s+/)
		.map((word) => word.replace(/\$\{(\w+)\}/g, (_, name) => env[name] ?? ''));
}
