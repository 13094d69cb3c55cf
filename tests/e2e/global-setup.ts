import { startTestServer } from '../helpers/server';

/** Starts one server for the end-to-end run; tests read its URL from E2E_BASE_URL. */
export default async function globalSetup(): Promise<() => Promise<void>> {
	const server = await startTestServer('pglite');
	process.env.E2E_BASE_URL = server.url;
	return async () => {
		await server.stop();
		await server.database.drop();
	};
}
