import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: process.env.BUILD_DIR || 'build' }),
		// CSRF for form posts is checked by SvelteKit against ORIGIN; the JSON API is checked in
		// hooks.server.ts by the same rule (see src/lib/server/http/origin-check.ts).
		csrf: { trustedOrigins: [] }
	}
};

export default config;
