// Another process writing to the database without pause, for tests of what a backup copies
// meanwhile: each write is one batch of two outbox rows (`…/a` and `…/b`), so a consistent copy
// always holds both rows of every pair or neither. Usage: node steady-writer.ts DATABASE_URL
import { createClient } from '@libsql/client';

const client = createClient({ url: process.argv[2], timeout: 10_000 });
const padding = 'x'.repeat(2000);
let stopping = false;
process.once('SIGTERM', () => (stopping = true));

for (let i = 0; !stopping; i++) {
	const now = Date.now();
	const row = (half: string) => ({
		sql: `insert into outbox (idempotency_key, recipient, template, subject, text_body, html_body, next_attempt_at, created_at, status)
			values (?, 'writer@example.org', 'test', 'Steady writer', ?, '<p></p>', ?, ?, 'sent')`,
		args: [`writer/${i}/${half}`, padding, now, now]
	});
	await client.batch([row('a'), row('b')], 'write');
	// Yield, so the SIGTERM handler can run between writes.
	await new Promise((resolve) => setImmediate(resolve));
}
client.close();
