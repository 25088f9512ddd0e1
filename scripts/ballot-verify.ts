// npm run ballot:verify -- EVENT_SLUG — recomputes a ballot's drawn order from its published
// seed and entry numbers (HMAC-SHA-256, priority group first) and checks the seed against the
// commitment published before the draw. Exits 0 when both match, 1 otherwise.
import { config } from '../src/lib/server/config.ts';
import { client } from '../src/lib/server/db/index.ts';
import { publishedBallot } from '../src/lib/server/ballot/ballot-view.ts';

const slug = process.argv[2] ?? '';
try {
	if (!slug) throw new Error('Usage: npm run ballot:verify -- EVENT_SLUG');
	const ballot = await publishedBallot(slug);
	if (!ballot) throw new Error(`No ballot found for the event "${slug}".`);
	console.log(`Ballot for ${ballot.event.title} (${slug})`);
	console.log(`Commitment (SHA-256 of the seed): ${ballot.commitment ?? 'not yet published'}`);
	if (!ballot.published || !ballot.check) {
		console.log('The draw has not run yet: there is no seed or order to check.');
		process.exitCode = 1;
	} else {
		const { published, check } = ballot;
		console.log(`Seed: ${published.seed}`);
		console.log(`Published order: ${published.order.map((e) => e.number).join(', ') || '(none)'}`);
		console.log(`Recomputed order: ${check.expected.join(', ') || '(none)'}`);
		console.log(`Commitment ${check.commitmentMatches ? 'matches' : 'DOES NOT MATCH'} the seed.`);
		console.log(`Order ${check.orderMatches ? 'matches' : 'DOES NOT MATCH'} the recomputed order.`);
		const ok = check.commitmentMatches && check.orderMatches;
		console.log(ok ? 'It matches.' : 'It does not match.');
		process.exitCode = ok ? 0 : 1;
	}
} catch (error) {
	console.error((error as Error).message || `Could not read the database at ${config.databaseUrl}`);
	process.exitCode = 1;
} finally {
	client.close();
}
