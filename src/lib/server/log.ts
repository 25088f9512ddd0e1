// Structured logs: one JSON object a line on stdout, for whatever collects the process's output.
// Lines carry ids, route patterns and figures only: never names, email addresses, URLs or tokens.
import { DrizzleQueryError } from 'drizzle-orm';
import { config, type LogLevel } from './config.ts';

type LineLevel = Exclude<LogLevel, 'silent'>;
export type LogFields = Record<string, string | number | boolean | null | undefined>;
export type Logger = ReturnType<typeof createLogger>;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export function createLogger(
	level: LogLevel,
	write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)
) {
	const emit =
		(lineLevel: LineLevel) =>
		(msg: string, fields: LogFields = {}) => {
			if (RANK[lineLevel] < RANK[level]) return;
			write(JSON.stringify({ time: new Date().toISOString(), level: lineLevel, msg, ...fields }));
		};
	return {
		debug: emit('debug'),
		info: emit('info'),
		warn: emit('warn'),
		error: emit('error'),
		enabled: (lineLevel: LineLevel) => RANK[lineLevel] >= RANK[level]
	};
}

export const log = createLogger(config.logLevel);

/**
 * What went wrong, safe to log. A failed Drizzle query's own message lists the statement's
 * parameters, which hold people's data, so its cause and the parameterised SQL are logged instead.
 */
export function describeError(error: unknown): LogFields {
	const failedQuery = error instanceof DrizzleQueryError ? error.query : undefined;
	const root = error instanceof DrizzleQueryError ? error.cause : error;
	if (!(root instanceof Error)) return { error: typeof root, query: failedQuery?.slice(0, 500) };
	const code = (root as { code?: unknown }).code;
	return {
		error: root.name,
		code: typeof code === 'string' ? code : undefined,
		message: root.message.slice(0, 500),
		query: failedQuery?.slice(0, 500),
		// Only the frames: a message can run over several lines of the stack.
		stack: root.stack
			?.split('\n')
			.map((line) => line.trim())
			.filter((line) => line.startsWith('at '))
			.slice(0, 8)
			.join(' | ')
	};
}
