/**
 * Rewrites a connection's awareness update before the room applies it: a connection may only set
 * or remove the states of client ids it introduced itself, and the `user` field of every state it
 * sets is replaced by the authenticated person, so nobody can pose as someone else in presence.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Who is shown for a connection's awareness states. */
export interface AwarenessUser {
	id: string;
	name: string;
	color: string;
}

/** Limits and ownership the filter needs to know about. */
export interface AwarenessFilterContext {
	/** Client ids this connection introduced earlier (updated in place with new claims). */
	owned: Set<number>;
	/** True when another connection of the room owns `clientId`. */
	ownedElsewhere(clientId: number): boolean;
	user: AwarenessUser;
	maxClients: number;
	maxStateBytes: number;
}

/** Thrown for an awareness message that does not decode; the connection is closed. */
export class MalformedAwarenessError extends Error {
	constructor(reason: string) {
		super(`malformed awareness update: ${reason}`);
		this.name = 'MalformedAwarenessError';
	}
}

interface Entry {
	clientId: number;
	clock: number;
	state: string;
}

function readEntries(update: Uint8Array): Entry[] {
	try {
		const decoder = decoding.createDecoder(update);
		const count = decoding.readVarUint(decoder);
		if (count > 1000) throw new MalformedAwarenessError('too many states');
		const entries: Entry[] = [];
		for (let i = 0; i < count; i++) {
			const clientId = decoding.readVarUint(decoder);
			const clock = decoding.readVarUint(decoder);
			const state = decoding.readVarString(decoder);
			entries.push({ clientId, clock, state });
		}
		if (decoding.hasContent(decoder)) throw new MalformedAwarenessError('trailing bytes');
		return entries;
	} catch (error) {
		if (error instanceof MalformedAwarenessError) throw error;
		throw new MalformedAwarenessError('cannot decode');
	}
}

function rewriteState(text: string, user: AwarenessUser): string | null {
	let state: unknown;
	try {
		state = JSON.parse(text);
	} catch {
		throw new MalformedAwarenessError('state is not JSON');
	}
	if (state === null) return 'null';
	if (typeof state !== 'object' || Array.isArray(state)) {
		throw new MalformedAwarenessError('state is not an object');
	}
	return JSON.stringify({ ...state, user });
}

/**
 * Returns the update with foreign client ids dropped and `user` overwritten, or null when
 * nothing is left. Claims new client ids for this connection up to `maxClients`; throws
 * {@link MalformedAwarenessError} for bytes that do not decode or states that are not objects.
 */
export function filterAwarenessUpdate(
	update: Uint8Array,
	context: AwarenessFilterContext
): Uint8Array | null {
	const kept: Entry[] = [];
	for (const entry of readEntries(update)) {
		if (entry.state.length > context.maxStateBytes) continue;
		if (!context.owned.has(entry.clientId)) {
			if (context.ownedElsewhere(entry.clientId)) continue;
			if (context.owned.size >= context.maxClients) continue;
			context.owned.add(entry.clientId);
		}
		const state = rewriteState(entry.state, context.user);
		if (state !== null) kept.push({ ...entry, state });
	}
	if (kept.length === 0) return null;
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, kept.length);
	for (const entry of kept) {
		encoding.writeVarUint(encoder, entry.clientId);
		encoding.writeVarUint(encoder, entry.clock);
		encoding.writeVarString(encoder, entry.state);
	}
	return encoding.toUint8Array(encoder);
}

/** A stable colour for a user id, so a person keeps one colour across sessions. */
export function colorForUser(userId: string): string {
	let hash = 0;
	for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
	return `hsl(${hash % 360} 70% 45%)`;
}
