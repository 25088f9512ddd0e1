// The app's routes as its file tree declares them, so a spec that walks every page or every
// form action covers a new one the day it is added.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROUTES = 'src/routes';

export type RouteFile = {
	/** The folders from src/routes down, groups included: ['(account)', 'account', 'bookings']. */
	parts: string[];
	/** The URL pattern: '/account/bookings', '/events/[slug=slug]/book'. */
	pattern: string;
	/** The route group, like '(account)', or null outside any group. */
	group: string | null;
	path: string;
};

/** Every file named one of `names` under src/routes. */
export function routeFiles(names: string[], dir = ROUTES, parts: string[] = []): RouteFile[] {
	const found: RouteFile[] = [];
	for (const name of readdirSync(dir).sort()) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) found.push(...routeFiles(names, path, [...parts, name]));
		else if (names.includes(name)) {
			found.push({
				parts,
				pattern: '/' + parts.filter((p) => !p.startsWith('(')).join('/'),
				group: parts.find((p) => p.startsWith('(')) ?? null,
				path
			});
		}
	}
	return found;
}

export type FormAction = RouteFile & {
	/** The action's name; 'default' is posted to the page's own address. */
	action: string;
	/** Field names the page's forms and the route's own code use. */
	fields: string[];
};

/** The names of the actions a +page.server.ts exports, read from its `actions` object. */
export function actionNames(source: string) {
	const block = /^export const actions = \{\n([\s\S]*?)^\};/m.exec(source);
	if (!block) return [];
	return [...block[1].matchAll(/^\t(\w+):/gm)].map((m) => m[1]);
}

/** Every form action in the app, each with the field names its page offers. */
export function formActions(): FormAction[] {
	return routeFiles(['+page.server.ts']).flatMap((route) => {
		const source = readFileSync(route.path, 'utf8');
		const fields = fieldNames(route.path, source);
		return actionNames(source).map((action) => ({ ...route, action, fields }));
	});
}

/**
 * Field names in the page and the components it uses (`name="title"`, `name="session-{i}-date"`
 * read as session-0-date), and those the route's own code reads (`formText(form, 'booking')`).
 */
function fieldNames(serverPath: string, serverSource: string) {
	const names = new Set<string>();
	for (const m of serverSource.matchAll(
		/(?:formText\(\s*\w+,|(?<!searchParams)\.get(?:All)?\()\s*'([^']+)'/g
	))
		names.add(m[1]);
	const page = join(dirname(serverPath), '+page.svelte');
	const seen = new Set<string>();
	const visit = (file: string) => {
		if (seen.has(file) || !existsSync(file)) return;
		seen.add(file);
		const source = readFileSync(file, 'utf8');
		for (const m of source.matchAll(/\bname="([^"]+)"/g))
			names.add(m[1].replace(/\{[^}]*\}/g, '0'));
		for (const m of source.matchAll(/from '(\$lib\/components\/[^']+\.svelte)'/g))
			visit(resolve(m[1].replace('$lib', 'src/lib')));
		for (const m of source.matchAll(/from '(\.\/[^']+\.svelte)'/g))
			visit(join(dirname(file), m[1]));
	};
	visit(page);
	return [...names].sort();
}

/** Pages and endpoints in these route groups, e.g. ['(account)', '(organiser)']. */
export function protectedRoutes(groups: string[]) {
	return routeFiles(['+page.svelte', '+server.ts'])
		.filter((route) => route.group !== null && groups.includes(route.group))
		.map((route) => ({ group: route.group!, pattern: route.pattern }));
}

/** A route with every parameter filled, and the parameters the test has no value for. */
export function fillRouteWith(pattern: string, values: Record<string, string>) {
	const parts = pattern.split('/');
	const missing: string[] = [];
	const path = parts
		.map((part, i) => {
			if (!/^\[\w+(=\w+)?\]$/.test(part)) return part;
			const value = values[`${parts[i - 1]}/${part}`] ?? values[part];
			if (value === undefined) missing.push(part);
			return value ?? 'unknown';
		})
		.join('/');
	return { path, missing };
}
