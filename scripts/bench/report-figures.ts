// What the bench measures, as the report reads it, and how figures are written in it.
import type { BallotDrawFigures } from './ballot-draw.ts';
import type { TwoWorkerDrain } from './burst-drain.ts';
import type { DoorFigures } from './door.ts';
import type { LoadFigures } from './http-load.ts';
import type { DrainFigures } from './outbox-drain.ts';
import type { ScaleFigures } from './scaling.ts';
import type { VolumeFixture } from './volume.ts';

export type BenchFigures = {
	machine: string;
	cores: number;
	/** The machine's one-minute load average when the bench started and when it ended. */
	loadAverage: [number, number];
	connections: number;
	durationSeconds: number;
	scaleSeconds: number;
	volume: VolumeFixture['counts'];
	catalogue: LoadFigures[];
	/** The welfare queue's pages with 2,000 applications in the round, 2 connections. */
	welfareQueue: LoadFigures[];
	memory: [process: string, mb: number][];
	passwordWork: { hashMs: number; verifyMs: number };
	signIns: { perSecond: number; p50Ms: number; p99Ms: number; failures: number };
	door: DoorFigures;
	burst: {
		members: number;
		capacity: number;
		perSecond: number;
		p50Ms: number;
		p99Ms: number;
		errors: number;
		confirmed: number;
		queuedInOrder: boolean;
		emails: number;
	};
	ballotDraw: BallotDrawFigures;
	paced: {
		arrivalsPerSecond: number;
		p50Ms: number;
		p99Ms: number;
		errors: number;
		confirmed: number;
	};
	twoWorkers: TwoWorkerDrain;
	drains: [limit: string, figures: DrainFigures][];
	weights: [page: string, weight: { files: number; gzippedBytes: number }][];
	scales: ScaleFigures[];
};

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const ratio = (a: number, b: number) => (a / b).toFixed(2);
export const table = (head: string[], align: string[], rows: (string | number)[][]) =>
	[
		`| ${head.join(' | ')} |`,
		`|${align.join('|')}|`,
		...rows.map((r) => `| ${r.join(' | ')} |`)
	].join('\n');
