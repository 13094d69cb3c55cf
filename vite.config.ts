import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { collabDevPlugin } from './server/vite-collab-plugin';

export default defineConfig({
	plugins: [sveltekit(), collabDevPlugin()],
	test: {
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					// Specs that open an embedded database spend seconds in PGlite's initdb on a busy machine.
					hookTimeout: 60_000,
					include: ['src/**/*.spec.ts', 'server/**/*.spec.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					testTimeout: 60_000,
					// A suite's beforeAll starts a server and its evaluation workers: on a busy two-core
					// machine that alone has taken most of a minute.
					hookTimeout: 120_000,
					// Each file starts its own server and database; two cores, so keep it modest.
					maxWorkers: 2,
					fileParallelism: true
				}
			}
		]
	}
});
