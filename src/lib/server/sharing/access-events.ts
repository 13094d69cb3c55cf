/**
 * Announces that who may reach a workbook has changed, so live connections are re-checked at
 * once (closed with 4403, or made read-only), and that sessions ended, so the sockets opened
 * with them close (4401). A process-wide emitter on `globalThis`, because the
 * SvelteKit bundle (which changes access) and the WebSocket server (which holds the connections)
 * load separate copies of this module.
 */
import { EventEmitter } from 'node:events';

const EMITTER_KEY = Symbol.for('investflow.access-events');
type EmitterSlot = { [EMITTER_KEY]?: EventEmitter };

function emitter(): EventEmitter {
	const slot = globalThis as EmitterSlot;
	slot[EMITTER_KEY] ??= new EventEmitter().setMaxListeners(0);
	return slot[EMITTER_KEY];
}

/** Tells listeners that access to `workbookId` may have changed. */
export function announceAccessChange(workbookId: string): void {
	emitter().emit('change', workbookId);
}

/** Calls `listener` with the workbook id after every access change; returns an unsubscribe. */
export function onAccessChange(listener: (workbookId: string) => void): () => void {
	emitter().on('change', listener);
	return () => emitter().off('change', listener);
}

/** Tells listeners that these sessions ended (logout, password change, revocation, reset). */
export function announceSessionsEnded(sessionIds: readonly string[]): void {
	if (sessionIds.length > 0) emitter().emit('sessions-ended', sessionIds);
}

/** Calls `listener` with the ids of sessions that just ended; returns an unsubscribe. */
export function onSessionsEnded(listener: (sessionIds: readonly string[]) => void): () => void {
	emitter().on('sessions-ended', listener);
	return () => emitter().off('sessions-ended', listener);
}
