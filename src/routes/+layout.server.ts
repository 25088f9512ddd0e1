import { config } from '$lib/server/config';

export const load = () => ({ branchName: config.branchName });
