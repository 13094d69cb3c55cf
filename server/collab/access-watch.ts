/**
 * Keeps live connections within the access they have now, not the access they had when they
 * connected: when sharing changes (a role change, a removal, a revoked link) the workbook's
 * connections are re-checked at once — closed with 4403 when access is gone, made read-only when
 * that is what changed — and share-link connections are closed when their link expires.
 */
import * as encoding from 'lib0/encoding';
import { writePermissionDenied } from 'y-protocols/auth';
import { onAccessChange } from '../../src/lib/server/sharing/access-events.ts';
import { isShareLinkActive } from '../../src/lib/server/sharing/links.ts';
import {
	canWrite,
	resolveAccess,
	type WorkbookRole
} from '../../src/lib/server/workbook-access.ts';
import type { Logger } from '../../src/lib/server/logger.ts';
import { CloseCode } from './close-codes.ts';
import type { Connection } from './connection.ts';

/** y-websocket's message type for auth messages. */
const MESSAGE_AUTH = 2;
/** How often expiring share links are checked. */
const EXPIRY_CHECK_MS = 500;

/** The frame that tells a y-websocket client it may read but not write. */
export function encodeReadOnlyNotice(): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AUTH);
	writePermissionDenied(encoder, 'read-only');
	return encoding.toUint8Array(encoder);
}

async function currentRole(connection: Connection): Promise<WorkbookRole | null> {
	const user = connection.user!;
	if (user.linkId) return (await isShareLinkActive(user.linkId)) ? 'viewer' : null;
	return resolveAccess({ userId: user.id }, connection.workbookId);
}

/** Re-checks one connection; closes it or changes its role to match its access now. */
async function recheckConnection(connection: Connection): Promise<void> {
	if (!connection.user || connection.isClosed) return;
	const role = await currentRole(connection);
	if (!role) {
		connection.close(CloseCode.forbidden, 'access revoked');
		return;
	}
	const couldWrite = canWrite(connection.role);
	connection.role = role;
	if (couldWrite && !canWrite(role)) connection.send(encodeReadOnlyNotice());
}

/** Starts watching; returns a function that stops. */
export function watchAccess(connections: Set<Connection>, log: Logger): () => void {
	const stopListening = onAccessChange((workbookId) => {
		for (const connection of connections) {
			if (connection.workbookId !== workbookId) continue;
			recheckConnection(connection).catch((error: unknown) =>
				log.error({ err: error, workbookId }, 'access re-check failed')
			);
		}
	});
	const expiryTimer = setInterval(() => {
		const now = Date.now();
		for (const connection of connections) {
			const expiresAt = connection.user?.linkExpiresAt;
			if (expiresAt !== undefined && expiresAt <= now) {
				connection.close(CloseCode.forbidden, 'link expired');
			}
		}
	}, EXPIRY_CHECK_MS);
	expiryTimer.unref();
	return () => {
		stopListening();
		clearInterval(expiryTimer);
	};
}
