import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	Awareness,
	applyAwarenessUpdate,
	encodeAwarenessUpdate,
	removeAwarenessStates
} from 'y-protocols/awareness';
import { filterAwarenessUpdate, MalformedAwarenessError } from './awareness-filter';

const user = { id: 'u1', name: 'Ada', color: 'red' };

function context(owned = new Set<number>(), others = new Set<number>()) {
	return {
		owned,
		ownedElsewhere: (id: number) => others.has(id),
		user,
		maxClients: 2,
		maxStateBytes: 1024
	};
}

function clientUpdate(state: Record<string, unknown> | null, clientID = 7): Uint8Array {
	const doc = new Y.Doc();
	doc.clientID = clientID;
	const awareness = new Awareness(doc);
	if (state === null) {
		removeAwarenessStates(awareness, [clientID], 'test');
	} else {
		awareness.setLocalState(state);
	}
	return encodeAwarenessUpdate(awareness, [clientID]);
}

function decodeStates(update: Uint8Array): Map<number, unknown> {
	const awareness = new Awareness(new Y.Doc());
	applyAwarenessUpdate(awareness, update, 'test');
	return awareness.getStates();
}

describe('filterAwarenessUpdate', () => {
	it('overwrites the user field with the authenticated person', () => {
		const filtered = filterAwarenessUpdate(
			clientUpdate({ user: { name: 'Mallory' }, cursor: 'B3' }),
			context()
		);
		expect(decodeStates(filtered!).get(7)).toEqual({ user, cursor: 'B3' });
	});

	it('drops states of client ids another connection introduced', () => {
		expect(
			filterAwarenessUpdate(clientUpdate({ cursor: 'A1' }), context(new Set(), new Set([7])))
		).toBeNull();
	});

	it('lets a connection remove only its own states', () => {
		const owned = new Set([7]);
		expect(filterAwarenessUpdate(clientUpdate(null, 7), context(owned))).not.toBeNull();
		expect(filterAwarenessUpdate(clientUpdate(null, 8), context(owned, new Set([8])))).toBeNull();
	});

	it('claims at most maxClients ids per connection', () => {
		const owned = new Set<number>();
		for (const id of [1, 2, 3]) filterAwarenessUpdate(clientUpdate({ a: 1 }, id), context(owned));
		expect([...owned]).toEqual([1, 2]);
	});

	it('refuses bytes that do not decode', () => {
		expect(() => filterAwarenessUpdate(new Uint8Array([5, 1]), context())).toThrow(
			MalformedAwarenessError
		);
	});
});
