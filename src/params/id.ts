// A record's id in a URL: a positive whole number that fits the database's integer ids.
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string) => /^[1-9]\d{0,8}$/.test(param)) satisfies ParamMatcher;
