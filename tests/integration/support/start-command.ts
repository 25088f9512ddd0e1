// The start command as `npm start` runs it once the build is made (the build comes from
// tests/load/build-once.ts), in a child process with only the settings a test gives it.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The part of package.json's start script after the build: `node scripts/start.ts`. */
export function startCommand() {
	const script: unknown = JSON.parse(readFileSync('package.json', 'utf8')).scripts?.start;
	const command = typeof script === 'string' ? script.split('&&').at(-1)!.trim() : '';
	if (!command.startsWith('node ')) {
		throw new Error('package.json\'s "start" script does not end with "node …"');
	}
	return command.split(/\s+/).slice(1);
}

/** Every setting that changes what the start command does, left out unless a test sets it. */
const SETTINGS_UNDER_TEST = [
	'ORIGIN',
	'NODE_ENV',
	'DEMO_DATA',
	'EMAIL_TRANSPORT',
	'EMAIL_FROM',
	'SMTP_URL',
	'RESEND_API_KEY',
	'GRANT_DATA_KEY',
	'ALLOW_DEV_MAIL',
	'ALLOW_DEV_GRANT_KEY'
];

export function startEnvironment(databaseUrl: string, settings: Record<string, string> = {}) {
	const env: Record<string, string | undefined> = { ...process.env };
	for (const name of SETTINGS_UNDER_TEST) delete env[name];
	return { ...env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', ...settings };
}

export type StartedCommand = {
	child: ChildProcess;
	/** Everything it printed so far, stdout and stderr together. */
	output: () => string;
	/** Resolves with the exit code once it exits. */
	exited: Promise<number | null>;
	stop: () => Promise<number | null>;
};

export function runStartCommand(databaseUrl: string, settings: Record<string, string>) {
	const child = spawn(process.execPath, startCommand(), {
		env: startEnvironment(databaseUrl, settings)
	});
	let printed = '';
	child.stdout!.on('data', (chunk) => (printed += chunk));
	child.stderr!.on('data', (chunk) => (printed += chunk));
	const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
	return {
		child,
		output: () => printed,
		exited,
		stop: () => {
			child.kill('SIGTERM');
			return exited;
		}
	} satisfies StartedCommand;
}

/** Waits until the server answers /healthz, or fails with what the command printed. */
export async function untilServing(started: StartedCommand, origin: string) {
	let exitCode: number | null | undefined;
	void started.exited.then((code) => (exitCode = code));
	for (let i = 0; i < 1200; i++) {
		if (exitCode !== undefined) {
			throw new Error(`the start command exited (${exitCode}):\n${started.output()}`);
		}
		try {
			if ((await fetch(`${origin}/healthz`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`${origin} did not start:\n${started.output()}`);
}
