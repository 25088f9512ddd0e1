// npm run ballot:verify -- EVENT_SLUG (or -- --grant-round ROUND_NUMBER) — recomputes a ballot's
// or a grant round's drawn order from its published seed and numbers (HMAC-SHA-256, priority
// group first) and checks the seed against the commitment published before the draw. Exits 0
// when both match, 1 otherwise.
import { config } from '../src/lib/server/config.ts';
import { client } from '../src/lib/server/db/index.ts';
import { publishedBallot } from '../src/lib/server/ballot/ballot-view.ts';
import type { DrawCheck } from '../src/lib/server/ballot/draw.ts';
import { publishedGrantDraw } from '../src/lib/server/grants/draw-view.ts';

type Readable = {
	title: string;
	commitment: string | null;
	published: { seed: string; order: { number: number }[] } | null;
	check: DrawCheck | null;
};

async function readDraw(args: string[]): Promise<Readable> {
	if (args[0] === '--grant-round') {
		const id = Number(args[1]);
		const draw = Number.isSafeInteger(id) ? await publishedGrantDraw(id) : null;
		if (!draw) throw new Error(`No grant round ${args[1] ?? ''} with a drawn order.`);
		return { title: `Drawn order for the ${draw.round.name} (round ${id})`, ...draw };
	}
	const slug = args[0] ?? '';
	if (!slug)
		throw new Error('Usage: npm run ballot:verify -- EVENT_SLUG | --grant-round ROUND_NUMBER');
	const ballot = await publishedBallot(slug);
	if (!ballot) throw new Error(`No ballot found for the event "${slug}".`);
	return { title: `Ballot for ${ballot.event.title} (${slug})`, ...ballot };
}

try {
	const draw = await readDraw(process.argv.slice(2));
	console.log(draw.title);
	console.log(`Commitment (SHA-256 of the seed): ${draw.commitment ?? 'not yet published'}`);
	if (!draw.published || !draw.check) {
		console.log('The draw has not run yet: there is no seed or order to check.');
		process.exitCode = 1;
	} else {
		const { published, check } = draw;
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
