import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: process.env.BUILD_DIR || 'build' }),
		// CSRF for form posts is checked by SvelteKit against ORIGIN; the JSON API is checked in
		// hooks.server.ts by the same rule (see src/lib/server/http/origin-check.ts).
		csrf: { trustedOrigins: [] },
		// Pages get a CSP with a nonce per answer: no inline script runs unless SvelteKit wrote it.
		// Inline style attributes stay allowed (Svelte's style: directives and chart.js set them).
		// `connect-src 'self'` covers the same-origin WebSocket (/collab) in CSP Level 3 browsers;
		// the formula Web Worker is a same-origin module file. Answers that are not pages get a
		// CSP that allows nothing (src/lib/server/http/security-headers.ts).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
