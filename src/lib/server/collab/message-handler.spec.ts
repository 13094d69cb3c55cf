import * as encoding from 'lib0/encoding';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { collabDefaults } from './collab-config';
import type { CommitPipeline } from './commit-pipeline';
import {
	encodeSyncStep1,
	encodeSyncStep2FromUpdate,
	encodeSyncUpdate
} from '../../collab/protocol';
import { Room } from './room';
import type { WorkbookRole } from '../workbook-access';
import { Connection } from './client-connection';
import { handleMessage, type MessageContext } from './message-handler';

function fakeSocket() {
	return {
		OPEN: 1,
		readyState: 1,
		bufferedAmount: 0,
		sent: [] as Uint8Array[],
		closedWith: null as number | null,
		send(frame: Uint8Array) {
			this.sent.push(frame);
		},
		close(code: number) {
			this.closedWith = code;
		},
		terminate() {}
	};
}

function setUp(role: WorkbookRole) {
	const room = new Room('wb', { updates: [], lastUpdateId: 0, logCount: 0, logBytes: 0 });
	const socket = fakeSocket();
	const connection = new Connection(socket as never, 'wb', collabDefaults);
	connection.user = { id: 'u1', name: 'Ada' };
	connection.role = role;
	connection.room = room;
	room.addConnection(connection);
	const submit = vi.fn(() => Promise.resolve());
	const context: MessageContext = {
		pipeline: { submit } as unknown as CommitPipeline,
		config: collabDefaults,
		onError: vi.fn()
	};
	return { room, socket, connection, submit, context };
}

/** A connection to `room` whose pipeline runs reads at once (as the durable phase would). */
function connectTo(room: Room, user: { id: string; name: string; linkId?: string }) {
	const socket = fakeSocket();
	const connection = new Connection(socket as never, 'wb', collabDefaults);
	connection.user = user;
	connection.role = 'viewer';
	connection.room = room;
	room.addConnection(connection);
	const submit = vi.fn((item: { kind: string; read?: (room: Room) => unknown }) =>
		Promise.resolve(item.read?.(room))
	);
	const context: MessageContext = {
		pipeline: { submit } as unknown as CommitPipeline,
		config: collabDefaults,
		onError: vi.fn()
	};
	return { socket, connection, context };
}

function awarenessFrame(clientId: number, state: unknown): Uint8Array {
	const update = encoding.createEncoder();
	encoding.writeVarUint(update, 1);
	encoding.writeVarUint(update, clientId);
	encoding.writeVarUint(update, 1);
	encoding.writeVarString(update, JSON.stringify(state));
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 1);
	encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
	return encoding.toUint8Array(encoder);
}

function someUpdate(): Uint8Array {
	const doc = new Y.Doc();
	doc.getMap('m').set('k', 1);
	return Y.encodeStateAsUpdate(doc);
}

describe('handleMessage', () => {
	it('passes an editor’s update to the commit pipeline', () => {
		const { connection, submit, context } = setUp('editor');
		handleMessage(connection, encodeSyncUpdate(someUpdate()), context);
		expect(submit).toHaveBeenCalledWith(expect.objectContaining({ kind: 'update', userId: 'u1' }));
	});

	it('drops a viewer’s sync step 2 and updates without applying or closing', () => {
		const { connection, socket, submit, context } = setUp('viewer');
		handleMessage(connection, encodeSyncStep2FromUpdate(someUpdate()), context);
		handleMessage(connection, encodeSyncUpdate(someUpdate()), context);
		expect(submit).not.toHaveBeenCalled();
		expect(socket.closedWith).toBeNull();
	});

	it('still answers a viewer’s sync step 1', () => {
		const { connection, submit, context } = setUp('viewer');
		handleMessage(connection, encodeSyncStep1(new Y.Doc()), context);
		expect(submit).toHaveBeenCalledWith(expect.objectContaining({ kind: 'read' }));
	});

	it('closes the connection with 4400 on frames that do not decode', () => {
		for (const frame of [new Uint8Array([]), new Uint8Array([9]), new Uint8Array([0, 7, 1, 1])]) {
			const { connection, socket, context } = setUp('editor');
			handleMessage(connection, frame, context);
			expect(socket.closedWith).toBe(4400);
		}
	});

	it('relays a viewer’s presence under their authenticated name', () => {
		const { room, connection, context } = setUp('viewer');
		const doc = new Y.Doc();
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, 1);
		const state = JSON.stringify({ user: { name: 'Someone else' }, cursor: 'C3' });
		const update = encoding.createEncoder();
		encoding.writeVarUint(update, 1);
		encoding.writeVarUint(update, doc.clientID);
		encoding.writeVarUint(update, 1);
		encoding.writeVarString(update, state);
		encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
		handleMessage(connection, encoding.toUint8Array(encoder), context);
		const stored = room.awareness.getStates().get(doc.clientID) as { user: { name: string } };
		expect(stored.user.name).toBe('Ada');
		expect(room.awarenessOwnerOf(doc.clientID)).toBe(connection);
	});

	it('answers fresh clients with the same stored frames instead of encoding the document again', () => {
		const snapshot = someUpdate();
		const room = new Room('wb', { updates: [snapshot], lastUpdateId: 1, logCount: 0, logBytes: 0 });
		const first = connectTo(room, { id: 'u1', name: 'Ada' });
		const second = connectTo(room, { id: 'u2', name: 'Bo' });
		handleMessage(first.connection, encodeSyncStep1(new Y.Doc()), first.context);
		handleMessage(second.connection, encodeSyncStep1(new Y.Doc()), second.context);
		expect(first.socket.sent[0]).toEqual(encodeSyncStep2FromUpdate(snapshot));
		expect(second.socket.sent[0]).toBe(first.socket.sent[0]);
		expect(room.hydrated).toBe(false);
	});

	it('closes a connection with 1008 on its sixth sync step 1 within a minute', () => {
		const room = new Room('wb', {
			updates: [someUpdate()],
			lastUpdateId: 1,
			logCount: 0,
			logBytes: 0
		});
		const { socket, connection, context } = connectTo(room, { id: 'u1', name: 'Ada' });
		for (let i = 0; i < collabDefaults.syncStep1PerMinute; i++) {
			handleMessage(connection, encodeSyncStep1(new Y.Doc()), context);
		}
		expect(socket.closedWith).toBeNull();
		handleMessage(connection, encodeSyncStep1(new Y.Doc()), context);
		expect(socket.closedWith).toBe(1008);
	});

	it('sends no sync answer to a socket whose unsent buffer is past the bound (1013)', () => {
		const room = new Room('wb', {
			updates: [someUpdate()],
			lastUpdateId: 1,
			logCount: 0,
			logBytes: 0
		});
		const { socket, connection, context } = connectTo(room, { id: 'u1', name: 'Ada' });
		socket.bufferedAmount = collabDefaults.maxBufferedBytes + 1;
		handleMessage(connection, encodeSyncStep1(new Y.Doc()), context);
		expect(socket.sent).toEqual([]);
		expect(socket.closedWith).toBe(1013);
	});

	it('takes no presence from a share-link guest', () => {
		const room = new Room('wb', { updates: [], lastUpdateId: 0, logCount: 0, logBytes: 0 });
		const { connection, context } = connectTo(room, { id: 'guest', name: 'Guest', linkId: 'l1' });
		handleMessage(connection, awarenessFrame(77, { cursor: 'A1' }), context);
		expect(room.awareness.getStates().has(77)).toBe(false);
	});

	it('drops awareness past the byte budget, then closes a flooder with 1008', () => {
		const room = new Room('wb', { updates: [], lastUpdateId: 0, logCount: 0, logBytes: 0 });
		const { socket, connection, context } = connectTo(room, { id: 'u1', name: 'Ada' });
		const relayed: number[] = [];
		room.awareness.on('update', () => relayed.push(1));
		let sent = 0;
		while (socket.closedWith === null && sent < 10_000) {
			handleMessage(connection, awarenessFrame(5, { cursor: `A${sent}` }), context);
			sent++;
		}
		const budgetFrames = collabDefaults.awarenessBurstBytes / 256;
		expect(relayed.length).toBeLessThanOrEqual(budgetFrames + 1);
		expect(socket.closedWith).toBe(1008);
		expect(sent).toBeLessThan(4 * budgetFrames);
	});
});
