/**
 * Load simulator: `npm run sim -- --users 50 --workbooks 5 --edits 200 --url http://127.0.0.1:3000`.
 * The server must allow that many registrations from one address
 * (`REGISTRATION_LIMIT_PER_ADDRESS`, 20 an hour by default).
 *
 * Registers users, creates workbooks through the API, opens one stock y-websocket
 * `WebsocketProvider` per user (Node, `ws`, session cookie on the upgrade), and has every user
 * make realistic cell edits through the workbook core (`applyCellUpdates`: numbers, text and
 * formulas over their own and shared cells). Reports edit→seen latency percentiles, throughput and
 * errors as one JSON object on stdout, after checking that every client of a workbook converged
 * and that the stored document (GET …/cells) matches them. Progress goes to stderr.
 * Exit code 1 when anything failed to converge.
 */
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { applyCellUpdates, readCells } from '../src/lib/core/workbook-api';
import { connectClient } from '../tests/helpers/collab-client';
import { ApiClient, uniqueEmail } from '../tests/helpers/http-client';
import { waitFor } from '../tests/helpers/wait';
import { LatencyRecorder, round1 } from './latency';

const { values: args } = parseArgs({
	options: {
		users: { type: 'string', default: '50' },
		workbooks: { type: 'string', default: '5' },
		edits: { type: 'string', default: '200' },
		interval: { type: 'string', default: '50' },
		url: { type: 'string', default: 'http://127.0.0.1:3000' }
	}
});

const USERS = Number(args.users);
const WORKBOOKS = Number(args.workbooks);
const EDITS = Number(args.edits);
const INTERVAL_MS = Number(args.interval);
const BASE_URL = args.url!.replace(/\/$/, '');
const COLUMNS = 'ABCDEFGHIJ';
const ROWS = 40;

function progress(message: string): void {
	process.stderr.write(`[sim] ${message}\n`);
}

interface SimUser {
	index: number;
	api: ApiClient;
	email: string;
}

interface SimClient {
	user: SimUser;
	workbookId: string;
	doc: Y.Doc;
	provider: ReturnType<typeof connectClient>['provider'];
}

/** One realistic edit: mostly numbers, some labels, some formulas over nearby cells. */
function randomEdit(user: SimUser, step: number): { ref: string; input: string } {
	const col = COLUMNS[(user.index + step) % COLUMNS.length];
	const row = 1 + Math.floor(Math.random() * ROWS);
	const roll = Math.random();
	if (roll < 0.6)
		return { ref: `${col}${row}`, input: String(Math.round(Math.random() * 100_000) / 100) };
	if (roll < 0.75) return { ref: `${col}${row}`, input: `Item ${user.index}-${step}` };
	const other = `${COLUMNS[Math.floor(Math.random() * COLUMNS.length)]}${1 + Math.floor(Math.random() * ROWS)}`;
	const formulas = [
		`=${other}*12`,
		`=SUM(${col}1:${col}${ROWS})`,
		`=${other}+${col}${row === 1 ? 2 : 1}`
	];
	return { ref: `${col}${row}`, input: formulas[Math.floor(Math.random() * formulas.length)] };
}

async function registerUsers(): Promise<SimUser[]> {
	const users: SimUser[] = [];
	for (let start = 0; start < USERS; start += 8) {
		const batch = Array.from({ length: Math.min(8, USERS - start) }, async (_, offset) => {
			const index = start + offset;
			const api = new ApiClient(BASE_URL);
			const email = uniqueEmail(`sim${index}`);
			await api.register(email, 'simulated passphrase 42', `Sim User ${index}`);
			return { index, api, email };
		});
		users.push(...(await Promise.all(batch)));
	}
	return users;
}

/**
 * Shares the workbook with `user` when the sharing API exists (false when it does not): the
 * owner invites them and passes on the invitation link, which they accept.
 */
async function share(owner: SimUser, workbookId: string, user: SimUser): Promise<boolean> {
	const response = await owner.api.post<{ url?: string }>(
		`/api/v1/workbooks/${workbookId}/members`,
		{ email: user.email, role: 'editor' }
	);
	if (response.status !== 201) return false;
	const token = response.body.url?.split('/').at(-1);
	if (!token) return true;
	const accepted = await user.api.post('/api/v1/invites/accept', { token });
	if (accepted.status !== 200) throw new Error(`accept invitation: ${accepted.status}`);
	return true;
}

async function main(): Promise<void> {
	const errors: string[] = [];
	progress(`registering ${USERS} users at ${BASE_URL}`);
	const users = await registerUsers();
	progress(`creating ${WORKBOOKS} workbooks`);
	const workbookIds: string[] = [];
	for (let w = 0; w < WORKBOOKS; w++) {
		const owner = users[w % users.length];
		const created = await owner.api.post<{ id: string }>('/api/v1/workbooks', {
			title: `Sim ${w}`
		});
		if (created.status !== 201) throw new Error(`create workbook: ${created.status}`);
		workbookIds.push(created.body.id);
	}
	let sharingMissing = false;
	const clients: SimClient[] = [];
	// Each WebsocketProvider in Node listens for the process's exit: one per user is expected.
	process.setMaxListeners(process.getMaxListeners() + users.length);
	for (const user of users) {
		const w = user.index % WORKBOOKS;
		const owner = users[w % users.length];
		let session = user;
		if (owner !== user && !sharingMissing && !(await share(owner, workbookIds[w], user))) {
			sharingMissing = true;
			progress('no sharing API yet: users open shared workbooks with the owner’s session');
		}
		if (owner !== user && sharingMissing) session = owner;
		const { doc, provider } = connectClient(BASE_URL, workbookIds[w], {
			cookie: session.api.sessionCookie
		});
		provider.on('connection-close', (event) => {
			if (event && event.code !== 1000 && event.code !== 1005) errors.push(`close ${event.code}`);
		});
		clients.push({ user, workbookId: workbookIds[w], doc, provider });
	}
	progress(`opening ${clients.length} WebsocketProvider clients`);
	await waitFor(() => clients.every((c) => c.provider.synced), 60_000, 'all clients synced');

	const latency = new LatencyRecorder();
	for (const client of clients) {
		const receive = latency.receiver();
		client.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === client.provider) receive(update);
		});
	}
	progress(`${clients.length} users making ${EDITS} edits each, one every ~${INTERVAL_MS} ms`);
	const started = performance.now();
	let edits = 0;
	await Promise.all(
		clients.map(async (client) => {
			for (let step = 0; step < EDITS; step++) {
				await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS * (0.5 + Math.random())));
				try {
					applyCellUpdates(
						client.doc,
						{ sheet: 'Sheet1', updates: [randomEdit(client.user, step)] },
						'sim'
					);
					latency.recordSent(
						client.doc.clientID,
						Y.getState(client.doc.store, client.doc.clientID)
					);
					edits++;
				} catch (error) {
					errors.push(`edit: ${String(error)}`);
				}
				if (step % 50 === 49 && client.user.index === 0) progress(`user 0 at edit ${step + 1}`);
			}
		})
	);
	const editSeconds = (performance.now() - started) / 1000;
	progress('edits sent; waiting for convergence');

	let converged = true;
	for (const workbookId of workbookIds) {
		const group = clients.filter((c) => c.workbookId === workbookId);
		try {
			await waitFor(
				() => {
					const first = Y.encodeStateVector(group[0].doc).join();
					return group.every((c) => Y.encodeStateVector(c.doc).join() === first);
				},
				60_000,
				`clients of ${workbookId} converged`
			);
			const range = `A1:${COLUMNS[COLUMNS.length - 1]}${ROWS}`;
			const local = readCells(group[0].doc, 'Sheet1', range).map((row) => row.map((c) => c.input));
			const stored = await group[0].user.api.get<{ cells: { input: string }[][] }>(
				`/api/v1/workbooks/${workbookId}/cells?sheet=Sheet1&range=${range}`
			);
			const storedInputs = stored.body.cells?.map((row) => row.map((c) => c.input));
			if (JSON.stringify(storedInputs) !== JSON.stringify(local)) {
				converged = false;
				errors.push(`stored document of ${workbookId} differs from its clients`);
			}
		} catch (error) {
			converged = false;
			errors.push(String(error));
		}
	}
	const settledSeconds = (performance.now() - started) / 1000;
	for (const client of clients) client.provider.destroy();

	const report = {
		users: USERS,
		workbooks: WORKBOOKS,
		edits,
		editSeconds: round1(editSeconds),
		editsPerSecond: round1(edits / editSeconds),
		settledSeconds: round1(settledSeconds),
		latencySamples: latency.samples.length,
		latencyP50Ms: round1(latency.percentile(50)),
		latencyP95Ms: round1(latency.percentile(95)),
		latencyP99Ms: round1(latency.percentile(99)),
		latencyMaxMs: round1(latency.percentile(100)),
		converged,
		sharedViaOwnerSession: sharingMissing,
		errors: errors.length,
		firstErrors: errors.slice(0, 5)
	};
	console.log(JSON.stringify(report));
	process.exit(converged ? 0 : 1);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
