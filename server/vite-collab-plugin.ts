/**
 * Live collaboration under `npm run dev`: hooks the Vite dev server's upgrade event and hands
 * `/collab/<workbookId>` to the same upgrade handler production uses. The handler is loaded with
 * `ssrLoadModule`, so it shares SvelteKit's module instances (database, rooms) in dev; every other
 * upgrade (Vite's HMR socket) is left alone.
 */
import type { Plugin } from 'vite';
import type { UpgradeHandler } from './upgrade.ts';

/** The Vite plugin; add it to `plugins` in vite.config.ts (dev server only). */
export function collabDevPlugin(): Plugin {
	return {
		name: 'investflow-collab',
		apply: 'serve',
		configureServer(server) {
			let handler: Promise<UpgradeHandler> | undefined;
			const load = () => {
				const local = server.resolvedUrls?.local[0];
				const origin =
					process.env.ORIGIN || (local ? new URL(local).origin : 'http://localhost:5173');
				return server
					.ssrLoadModule('/server/upgrade.ts')
					.then((module) =>
						(module as typeof import('./upgrade.ts')).createUpgradeHandler({ origin })
					);
			};
			server.httpServer?.on('upgrade', (req, socket, head) => {
				if (!req.url?.startsWith('/collab/')) return;
				handler ??= load();
				handler.then(
					(upgrades) => upgrades.handleUpgrade(req, socket, head),
					(error: unknown) => {
						server.config.logger.error(`collab: cannot load the upgrade handler: ${String(error)}`);
						handler = undefined;
						socket.destroy();
					}
				);
			});
			server.httpServer?.once('close', () => {
				void handler?.then((upgrades) => upgrades.close());
			});
		}
	};
}
