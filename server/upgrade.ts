/**
 * Routes WebSocket upgrades. `/collab/<workbookId>` belongs to the collaboration server; any
 * other path is refused with 404 before a WebSocket exists.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { CollabConfig } from '../src/lib/server/collab/collab-config.ts';
import { createCollabServer } from '../src/lib/server/collab/collab-server.ts';

export interface UpgradeHandler {
	handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void;
	/** Closes every socket (1012, so clients reconnect elsewhere) after flushing pending work. */
	close(): Promise<void>;
}

export interface UpgradeOptions {
	origin: string;
	collab?: Partial<CollabConfig>;
}

const COLLAB_PATH = /^\/collab\/([A-Za-z0-9_-]{1,64})$/;

function refuse(socket: Duplex, status: number, reason: string): void {
	socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** The workbook id an upgrade URL addresses, or null when it is not a collaboration path. */
export function collabWorkbookId(url: string | undefined): string | null {
	const pathname = new URL(url ?? '/', 'http://localhost').pathname;
	return COLLAB_PATH.exec(pathname)?.[1] ?? null;
}

/** Creates the upgrade router. */
export async function createUpgradeHandler(options: UpgradeOptions): Promise<UpgradeHandler> {
	const collab = createCollabServer({ origin: options.origin, config: options.collab });
	return {
		handleUpgrade(req, socket, head) {
			const workbookId = collabWorkbookId(req.url);
			if (!workbookId) {
				refuse(socket, 404, 'Not Found');
				return;
			}
			collab.handleUpgrade(req, socket, head, workbookId);
		},
		close: () => collab.close()
	};
}
