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
	const memory = watchPeakMemory(child);
	await waitUntilAnswering(`${origin}/healthz`);
	return { child, origin, peakMemoryMb: memory };
}

/** The kernel's high-water mark of a process's resident memory (VmHWM), in kB; null once gone. */
function readHighWaterKb(pid: number) {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = /VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1];
		return kb === undefined ? null : Number(kb);
	} catch {
		return null;
	}
}

/**
 * Follows a child's peak resident memory (Linux) from start to exit. The kernel keeps the
 * high-water mark, but it goes with the process, so it is sampled while the process lives and
 * read once more on demand: the answer holds after the process has been stopped.
 */
export function watchPeakMemory(child: ChildProcess) {
	let peakKb = 0;
	const sample = () => {
		const kb = child.pid === undefined ? null : readHighWaterKb(child.pid);
		if (kb !== null) peakKb = Math.max(peakKb, kb);
	};
	const timer = setInterval(sample, 250);
	timer.unref();
	child.once('exit', () => clearInterval(timer));
	return () => {
		if (child.exitCode === null && child.signalCode === null) sample();
		return Math.round(peakKb / 1024);
	};
}
