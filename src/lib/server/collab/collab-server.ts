/**
 * The collaboration endpoint: accepts WebSocket upgrades for `/collab/<workbookId>`, authorises
 * them, joins them to the workbook's room and speaks the y-websocket protocol. Refusals are
 * WebSocket close codes (accepted, then closed) so browsers can tell them apart; nothing of the
 * document is sent before authorisation succeeds.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { CollabConfig } from './collab-config';
import { getRoomRegistry, resetRoomRegistry, type RoomRegistry } from './room-registry';
import { getLogger } from '../logger';
import { canWrite } from '../workbook-access';
import { authorizeUpgrade } from './access';
import { sessionEndedRecently, watchAccess } from './access-watch';
import { CloseCode, encodeReadOnlyNotice } from '../../collab/protocol';
import { Connection } from './client-connection';
import {
	encodeCurrentAwareness,
	handleMessage,
	sendOwedSyncStep1,
	type MessageContext
} from './message-handler';

/** How the endpoint is set up. */
export interface CollabServerOptions {
	/** The server's public origin; a browser's Origin header must match it. */
	origin: string;
	/** Overrides of the collaboration defaults (first creator of the registry wins). */
	config?: Partial<CollabConfig>;
}

/** The running endpoint. */
export interface CollabServer {
	readonly registry: RoomRegistry;
	/** Takes over an upgrade request for `workbookId`. */
	handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer, workbookId: string): void;
	/** Stops accepting, commits pending work, closes sockets with 1012. */
	close(): Promise<void>;
}

function toBytes(data: RawData): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Creates the endpoint with its WebSocket server, ping timer and room registry. */
export function createCollabServer(options: CollabServerOptions): CollabServer {
	const registry = getRoomRegistry(options.config);
	const config = registry.config;
	const log = getLogger().child({ module: 'collab' });
	const wss = new WebSocketServer({
		noServer: true,
		maxPayload: config.maxPayloadBytes,
		perMessageDeflate: false
	});
	const connections = new Set<Connection>();
	let closing = false;

	const context: MessageContext = {
		pipeline: registry.pipeline,
		config,
		onError(connection, error) {
			log.error({ err: error, workbookId: connection.workbookId }, 'collab message failed');
			connection.close(CloseCode.internalError, 'server error');
		}
	};

	const pinger = setInterval(() => {
		for (const connection of connections) {
			if (!connection.alive) {
				connection.ws.terminate();
				continue;
			}
			connection.alive = false;
			connection.ws.ping();
		}
	}, config.pingIntervalMs);
	pinger.unref();
	const stopWatchingAccess = watchAccess(connections, log);

	async function accept(ws: WebSocket, req: http.IncomingMessage, workbookId: string) {
		const connection = new Connection(ws, workbookId, config);
		connections.add(connection);
		const deliver = (frame: Uint8Array) => handleMessage(connection, frame, context);
		ws.on('pong', () => (connection.alive = true));
		ws.on('error', (error) => log.debug({ err: error }, 'socket error'));
		ws.on('message', (data, isBinary) => {
			if (!isBinary) {
				connection.close(CloseCode.unsupportedData, 'binary frames only');
				return;
			}
			if (!connection.receive(toBytes(data), deliver)) {
				connection.close(CloseCode.badRequest, 'too many messages before ready');
			}
		});
		ws.on('close', () => {
			connection.markClosed();
			connections.delete(connection);
			const room = connection.room;
			if (room) {
				connection.room = null;
				room.removeConnection(connection);
				registry.release(room);
			}
		});

		const decision = await authorizeUpgrade(req, workbookId, options.origin);
		if (!decision.ok) {
			connection.close(decision.code, decision.reason);
			return;
		}
		if (connection.isClosed) return;
		const room = await registry.acquire(workbookId);
		if (!room) {
			connection.close(CloseCode.notFound, 'no such workbook');
			return;
		}
		if (connection.isClosed) {
			registry.release(room);
			return;
		}
		if (sessionEndedRecently(decision.user.sessionId)) {
			registry.release(room);
			connection.close(CloseCode.unauthorized, 'session ended');
			return;
		}
		connection.user = decision.user;
		connection.role = decision.role;
		connection.room = room;
		room.addConnection(connection);
		connection.owesSyncStep1 = true;
		if (!canWrite(decision.role)) connection.send(encodeReadOnlyNotice());
		// A hydrated room asks the client for its missing updates at once; otherwise the ask
		// waits until the client's first sync was answered from the stored bytes (see
		// answerSyncStep1), or, for a client that sent no sync step 1, after a few seconds.
		if (room.hydrated) sendOwedSyncStep1(connection, context);
		const awareness = encodeCurrentAwareness(connection);
		if (awareness) connection.send(awareness);
		connection.flushQueued(deliver);
		if (connection.owesSyncStep1) {
			setTimeout(() => sendOwedSyncStep1(connection, context), 3000).unref();
		}
	}

	return {
		registry,
		handleUpgrade(req, socket, head, workbookId) {
			if (closing) {
				socket.end(
					'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'
				);
				return;
			}
			wss.handleUpgrade(req, socket, head, (ws) => {
				accept(ws, req, workbookId).catch((error: unknown) => {
					log.error({ err: error, workbookId }, 'collab connection setup failed');
					ws.close(CloseCode.internalError, 'server error');
				});
			});
		},
		async close() {
			closing = true;
			clearInterval(pinger);
			stopWatchingAccess();
			await registry.close();
			for (const connection of connections)
				connection.close(CloseCode.serviceRestart, 'server restarting');
			resetRoomRegistry();
			await new Promise<void>((resolve) => wss.close(() => resolve()));
		}
	};
}
