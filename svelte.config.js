import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter(),
		// hooks.server.ts checks form origins instead (src/lib/server/auth/form-origin.ts): the
		// demo accepts forms from whichever address served them, which this check cannot express.
		csrf: { trustedOrigins: ['*'] },
		// Door mode registers the service worker itself; no other page needs one.
		serviceWorker: { register: false },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// No inline styles: every component's CSS is served as a file. The one inline style
				// attribute left is SvelteKit's own route announcer (visually hidden text read out
				// after a client-side navigation), allowed by the hash of its exact value.
				'style-src': ['self'],
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self', 'data:'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'frame-ancestors': ['none'],
				'form-action': ['self']
			}
		},
		typescript: {
			config: (config) => {
				config.include.push('../drizzle.config.ts', '../scripts/**/*.ts', '../tests/**/*.ts');
			}
		}
	}
};

export default config;
