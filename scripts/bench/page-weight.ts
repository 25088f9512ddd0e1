// The JavaScript a page makes the browser download, gzipped: every script and modulepreload
// the server-rendered HTML names, plus the modules they import in turn.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const CLIENT = 'build/client';

function importsOf(source: string): string[] {
	return [...source.matchAll(/(?:import|from)\s*\(?\s*["']([^"']+\.js)["']/g)].map((m) => m[1]);
}

export function javascriptWeight(html: string) {
	const seen = new Set<string>();
	const queue = [...html.matchAll(/\/_app\/immutable\/[^"'\s>]+\.js/g)].map((m) => m[0]);
	let gzipped = 0;
	while (queue.length) {
		const path = queue.pop()!.replace(/^\.?\//, '');
		if (seen.has(path)) continue;
		seen.add(path);
		const source = readFileSync(join(CLIENT, path));
		gzipped += gzipSync(source).length;
		for (const specifier of importsOf(source.toString())) {
			const resolved = new URL(specifier, `http://x/${path}`).pathname.slice(1);
			queue.push(resolved);
		}
	}
	return { files: seen.size, gzippedBytes: gzipped };
}
