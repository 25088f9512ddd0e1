// Runs one autocannon load against a URL and reduces it to the figures the bench prints.
import autocannon from 'autocannon';

export type LoadFigures = {
	name: string;
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	errors: number;
	non2xx: number;
};

export async function measureLoad(
	name: string,
	url: string,
	options: { connections: number; durationSeconds: number; headers?: Record<string, string> }
): Promise<LoadFigures> {
	const result = await autocannon({
		url,
		connections: options.connections,
		duration: options.durationSeconds,
		headers: options.headers
	});
	return {
		name,
		requestsPerSecond: Math.round(result.requests.average),
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		errors: result.errors + result.timeouts,
		non2xx: result.non2xx
	};
}
