// An event's slug in a URL: lower-case letters, digits and single hyphens, as slugFromTitle makes.
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string) =>
	/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(param)) satisfies ParamMatcher;
