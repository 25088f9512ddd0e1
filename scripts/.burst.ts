import { fireBookingBurst, percentile, prepareBookingBurst } from '../tests/load/booking-burst.ts';
const url = 'file:/tmp/prof/bench.db';
const burst = await prepareBookingBurst(url, { members: 1000, capacity: 30 });
const r = await fireBookingBurst(['http://localhost:4401'], burst);
const l = [...r.latenciesMs].sort((a, b) => a - b);
console.log(`burst ${(1000 / r.seconds).toFixed(0)}/s p50 ${percentile(l, 50).toFixed(0)} p99 ${percentile(l, 99).toFixed(0)}`, Object.fromEntries(r.statuses));
