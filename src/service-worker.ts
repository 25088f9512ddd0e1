/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Lets door mode open with no signal: the app's built files are kept, and the door pages
// themselves are fetched fresh when the network is there and served from the cache when not.
// Registered by door mode only; every other page goes to the network as before.
import { build, files, version } from '$service-worker';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `door-${version}`;
const ASSETS = new Set([...build, ...files]);
const DOOR_PAGE = /^\/(organiser\/events\/\d+\/door|door\/[\w-]+)$/;

worker.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll([...ASSETS]))
			.then(() => worker.skipWaiting())
	);
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
			.then(() => worker.clients.claim())
	);
});

async function fromNetworkElseCache(request: Request) {
	const cache = await caches.open(CACHE);
	try {
		const response = await fetch(request);
		if (response.ok) await cache.put(request, response.clone());
		return response;
	} catch (error) {
		const kept = await cache.match(request);
		if (kept) return kept;
		throw error;
	}
}

worker.addEventListener('fetch', (event) => {
	if (event.request.method !== 'GET') return;
	const url = new URL(event.request.url);
	if (url.origin !== location.origin) return;
	if (ASSETS.has(url.pathname)) {
		event.respondWith(caches.match(event.request).then((kept) => kept ?? fetch(event.request)));
	} else if (
		DOOR_PAGE.test(url.pathname) ||
		(url.pathname.endsWith('/__data.json') &&
			DOOR_PAGE.test(url.pathname.replace(/\/__data\.json$/, '')))
	) {
		event.respondWith(fromNetworkElseCache(event.request));
	}
});
