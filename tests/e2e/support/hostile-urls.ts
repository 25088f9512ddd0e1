// Hostile addresses for property-based GETs: every route of the app (found in the route tree),
// its path segments swapped for junk, and query strings of the names the app reads and names it
// does not, with values that break naive code, raw or percent-encoded, well-formed or not.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { hostileText } from './hostile-values.ts';
import { OPEN_REDIRECT_CORPUS } from './open-redirects.ts';
import { routeFiles, type RouteFile } from './route-tree.ts';

/** Every page, endpoint and load-only route, once per URL pattern. */
export function allRoutes(): RouteFile[] {
	const seen = new Map<string, RouteFile>();
	for (const route of routeFiles(['+page.svelte', '+server.ts', '+page.server.ts'])) {
		if (!seen.has(route.pattern)) seen.set(route.pattern, route);
	}
	return [...seen.values()];
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
	});
}

/** Every query parameter name the app's code reads anywhere (`searchParams.get('q')`). */
export function queryNames() {
	const names = new Set<string>(['redirectTo']);
	for (const file of sourceFiles('src')) {
		const source = readFileSync(file, 'utf8');
		for (const m of source.matchAll(/searchParams\.(?:get|getAll|has)\(\s*'([^']+)'/g)) {
			names.add(m[1]);
		}
	}
	return [...names].sort();
}

/** Pieces no encoder would write: bad escapes, encoded controls, overlong UTF-8, dot segments. */
const RAW_PIECES = [
	'%',
	'%zz',
	'%00',
	'%0d%0a',
	'%c0%80',
	'%ed%a0%80',
	'%ff',
	'%2e%2e',
	'%2f',
	'%5c',
	'..',
	'.',
	'%252e',
	'%u0041',
	'&&',
	'=',
	'a=b=c',
	'[]',
	'%5B%5D'
];

/** Any text as a browser would send it in a URL: lone surrogates made well-formed first. */
const asUrlPart = (text: string) => encodeURIComponent(text.toWellFormed());

export const hostileUrlValue: fc.Arbitrary<string> = fc.oneof(
	{ weight: 5, arbitrary: hostileText.map((t) => asUrlPart(t.slice(0, 3000))) },
	{ weight: 2, arbitrary: fc.constantFrom(...RAW_PIECES) },
	{ weight: 1, arbitrary: fc.constantFrom(...OPEN_REDIRECT_CORPUS).map(asUrlPart) },
	{ weight: 1, arbitrary: fc.integer().map(String) }
);

/** A query string: some names the app reads, some it does not, each with a hostile value. */
export function hostileQuery(names: string[]) {
	const name = fc.oneof(
		{ weight: 4, arbitrary: fc.constantFrom(...names) },
		{ weight: 1, arbitrary: hostileUrlValue }
	);
	return fc
		.array(fc.tuple(name, hostileUrlValue), { maxLength: 4 })
		.map((pairs) => (pairs.length ? '?' + pairs.map(([k, v]) => `${k}=${v}`).join('&') : ''));
}

/** A route's URL with each parameter (`[id]`, `[id=id]`) given its value. */
export function fillRoute(pattern: string, values: Record<string, string>) {
	return pattern.replace(/\[(\w+)(?:=\w+)?\]/g, (_, name: string) => values[name] ?? 'unknown');
}

/** The parameter names in a route pattern. */
export function routeParameters(pattern: string) {
	return [...pattern.matchAll(/\[(\w+)(?:=\w+)?\]/g)].map((m) => m[1]);
}
