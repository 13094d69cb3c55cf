import { outboxOf } from '../helpers/outbox';
import { startTestServer } from '../helpers/server';

/**
 * Starts one server for the end-to-end run; tests read its URL from E2E_BASE_URL and the
 * emails it sends from E2E_OUTBOX_DIR.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
	const server = await startTestServer('pglite');
	process.env.E2E_BASE_URL = server.url;
	process.env.E2E_OUTBOX_DIR = outboxOf(server);
	return async () => {
		await server.stop();
		await server.database.drop();
	};
}
