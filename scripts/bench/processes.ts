// Starting and watching the processes a benchmark measures.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function runToEnd(args: string[], env: NodeJS.ProcessEnv) {
	return new Promise<void>((resolve, reject) => {
		const child = spawn(process.execPath, args, { env, stdio: 'inherit' });
		child.on('exit', (code) =>
			code === 0 ? resolve() : reject(new Error(`node ${args.join(' ')} exited ${code}`))
		);
	});
}

export async function waitUntilAnswering(url: string) {
	for (let i = 0; i < 200; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`${url} never answered`);
}

/** Starts the production build (`node build`) and resolves once it answers /healthz. */
export async function startProductionServer(port: number, env: NodeJS.ProcessEnv) {
	const origin = `http://localhost:${port}`;
	const child = spawn(process.execPath, ['build'], {
		env: { ...env, PORT: String(port), ORIGIN: origin },
		stdio: 'ignore'
	});
	await waitUntilAnswering(`${origin}/healthz`);
	return { child, origin };
}

/** The most resident memory a process has used so far (Linux), in MB. */
export function peakMemoryMb(child: ChildProcess) {
	const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
	return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}
