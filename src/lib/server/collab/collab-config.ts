/**
 * The collaboration server's tunables: one defaults object, merged with the environment and the
 * caller's overrides. Both the WebSocket endpoint and the HTTP API read the same values through the
 * room registry, which is created once per process.
 */

import { readPositiveInteger } from '../config';

/** Every tunable of rooms, persistence and sockets. */
export interface CollabConfig {
	/** Largest WebSocket frame accepted; larger frames close the socket with 1009. */
	maxPayloadBytes: number;
	/** Largest single Yjs update accepted (from a socket or the API). */
	maxUpdateBytes: number;
	/** A document with no connection for this long is flushed and unloaded. */
	idleUnloadMs: number;
	/** Compact the update log into a snapshot once it holds this many rows… */
	compactAfterUpdates: number;
	/** …or this many bytes… */
	compactAfterBytes: number;
	/**
	 * …but not sooner than this after the room's previous snapshot: each snapshot rewrites the
	 * whole document and, on PGlite, holds the one database thread while it does (a 200 KB
	 * document took 30–40 ms), so a document edited a thousand times a second is not rewritten
	 * every second.
	 */
	compactMinIntervalMs: number;
	/**
	 * A document whose stored parts (snapshot plus log) exceed this is snapshotted on a worker
	 * thread; a smaller one is encoded on the event loop, which costs it less than handing it
	 * over and leaves the other core alone (64 KiB of many writers' edits encode in 2–3 ms).
	 */
	snapshotOnWorkerAboveBytes: number;
	/** Most bytes of not-yet-integrable (pending) structs a document may hold. */
	maxPendingBytes: number;
	/** Interval between pings; a socket that missed the previous pong is dropped. */
	pingIntervalMs: number;
	/** A socket whose unsent buffer exceeds this is disconnected (slow consumer). */
	maxBufferedBytes: number;
	/** Most awareness client ids one connection may introduce. */
	maxAwarenessClientsPerConnection: number;
	/** Largest single awareness state (JSON text) accepted. */
	maxAwarenessStateBytes: number;
	/** Most messages buffered per connection while its upgrade is still being authorised. */
	maxQueuedMessagesBeforeReady: number;
	/**
	 * Largest stored workbook (snapshot plus log) an update may grow it to, from a socket or the
	 * API; an update holding only deletions is always accepted.
	 */
	workbookMaxBytes: number;
	/**
	 * Most sync step 1 messages one connection may send per minute (a y-websocket client sends
	 * one per connection); past it the connection is closed with 1008.
	 */
	syncStep1PerMinute: number;
	/**
	 * Awareness bytes per second one connection may send on average (each frame counts at least
	 * {@link AWARENESS_FRAME_MIN_COST} bytes); frames past the budget are dropped.
	 */
	awarenessBytesPerSecond: number;
	/** Awareness bytes one connection may send in a burst; twice this in debt closes it (1008). */
	awarenessBurstBytes: number;
}

/** What an awareness frame costs at least against the byte budget (its handling is not free). */
export const AWARENESS_FRAME_MIN_COST = 256;

/** The defaults; see each field of {@link CollabConfig}. */
export const collabDefaults: CollabConfig = {
	maxPayloadBytes: 4 * 1024 * 1024,
	maxUpdateBytes: 4 * 1024 * 1024,
	idleUnloadMs: 30_000,
	compactAfterUpdates: 1_000,
	compactAfterBytes: 2 * 1024 * 1024,
	compactMinIntervalMs: 10_000,
	snapshotOnWorkerAboveBytes: 64 * 1024,
	maxPendingBytes: 256 * 1024,
	pingIntervalMs: 30_000,
	maxBufferedBytes: 8 * 1024 * 1024,
	maxAwarenessClientsPerConnection: 8,
	maxAwarenessStateBytes: 16 * 1024,
	maxQueuedMessagesBeforeReady: 256,
	workbookMaxBytes: 50 * 1024 * 1024,
	syncStep1PerMinute: 5,
	// A person moving their selection sends a few hundred bytes a handful of times a second.
	awarenessBytesPerSecond: 16 * 1024,
	awarenessBurstBytes: 64 * 1024
};

const ENV_KEYS: Record<string, keyof CollabConfig> = {
	COLLAB_MAX_PAYLOAD_BYTES: 'maxPayloadBytes',
	COLLAB_IDLE_UNLOAD_MS: 'idleUnloadMs',
	COLLAB_COMPACT_AFTER_UPDATES: 'compactAfterUpdates',
	COLLAB_COMPACT_AFTER_BYTES: 'compactAfterBytes',
	COLLAB_COMPACT_MIN_INTERVAL_MS: 'compactMinIntervalMs',
	COLLAB_SNAPSHOT_ON_WORKER_ABOVE_BYTES: 'snapshotOnWorkerAboveBytes',
	COLLAB_PING_INTERVAL_MS: 'pingIntervalMs',
	COLLAB_MAX_BUFFERED_BYTES: 'maxBufferedBytes',
	WORKBOOK_MAX_BYTES: 'workbookMaxBytes'
};

/**
 * The configuration for this process: defaults, then `COLLAB_*` environment variables (tests and
 * operators tune idle time and compaction this way), then `overrides`. Throws a sentence naming
 * the variable when one is not a positive whole number.
 */
export function resolveCollabConfig(
	overrides: Partial<CollabConfig> = {},
	env: NodeJS.ProcessEnv = process.env
): CollabConfig {
	const fromEnv: Partial<CollabConfig> = {};
	for (const [name, key] of Object.entries(ENV_KEYS)) {
		fromEnv[key] = readPositiveInteger(name, env[name], collabDefaults[key]);
	}
	return { ...collabDefaults, ...fromEnv, ...overrides };
}
