/**
 * One WebSocket client of a room. Buffers what the client sends while its upgrade is being
 * authorised, drops sends once closing, and disconnects a client that reads too slowly or stops
 * answering pings.
 */
import type { WebSocket } from 'ws';
import { AWARENESS_FRAME_MIN_COST, type CollabConfig } from './collab-config';
import type { Room, RoomConnection } from './room';
import type { WorkbookRole } from '../workbook-access';
import type { ConnectionUser } from './access';
import { CloseCode } from '../../collab/protocol';

/** A y-websocket client connected to `/collab/<workbookId>`. */
export class Connection implements RoomConnection {
	user: ConnectionUser | null = null;
	role: WorkbookRole | null = null;
	room: Room | null = null;
	/** Awareness client ids this connection introduced. */
	readonly awarenessIds = new Set<number>();
	/** False after a ping until the pong (or any message) arrives. */
	alive = true;
	/** The server's own sync step 1 is still owed (sent once the room's document is hydrated). */
	owesSyncStep1 = false;
	private queued: Uint8Array[] | null = [];
	private closed = false;
	/** When (performance.now()) this connection's recent sync step 1 messages arrived. */
	private readonly syncStep1Times: number[] = [];
	/** Awareness bytes it may still send now (negative: in debt), and when that was computed. */
	private awarenessTokens: number;
	private awarenessCheckedAt = performance.now();

	constructor(
		readonly ws: WebSocket,
		readonly workbookId: string,
		private readonly config: CollabConfig
	) {
		this.awarenessTokens = config.awarenessBurstBytes;
	}

	/**
	 * Counts a sync step 1 from the client; false once it sent more than
	 * `syncStep1PerMinute` in the last minute (each answer may be the whole document).
	 */
	allowSyncStep1(now = performance.now()): boolean {
		const times = this.syncStep1Times;
		while (times.length > 0 && now - times[0] >= 60_000) times.shift();
		times.push(now);
		return times.length <= this.config.syncStep1PerMinute;
	}

	/**
	 * Charges an awareness frame of `bytes` against the connection's budget (a token bucket
	 * refilled at `awarenessBytesPerSecond` up to `awarenessBurstBytes`): `relay` when within it,
	 * `drop` when over, `close` when the debt passed the burst size (a flood, not a burst).
	 */
	chargeAwareness(bytes: number, now = performance.now()): 'relay' | 'drop' | 'close' {
		const { awarenessBytesPerSecond: rate, awarenessBurstBytes: burst } = this.config;
		const elapsed = (now - this.awarenessCheckedAt) / 1000;
		this.awarenessCheckedAt = now;
		this.awarenessTokens = Math.min(burst, this.awarenessTokens + elapsed * rate);
		this.awarenessTokens -= Math.max(bytes, AWARENESS_FRAME_MIN_COST);
		if (this.awarenessTokens >= 0) return 'relay';
		return this.awarenessTokens < -burst ? 'close' : 'drop';
	}

	/** True while the socket's unsent buffer is within `maxBufferedBytes`. */
	get canBuffer(): boolean {
		return this.ws.bufferedAmount <= this.config.maxBufferedBytes;
	}

	/** Share-link guests never see other people's presence. */
	get seesPresence(): boolean {
		return this.user !== null && this.user.linkId === undefined;
	}

	/** The authenticated user's id (empty until authorised). */
	get userId(): string {
		return this.user?.id ?? '';
	}

	get isClosed(): boolean {
		return this.closed;
	}

	/**
	 * Hands an incoming frame to `deliver` once ready; before that, keeps it (up to a bound).
	 * Returns false when the frame was refused because too many are waiting.
	 */
	receive(frame: Uint8Array, deliver: (frame: Uint8Array) => void): boolean {
		this.alive = true;
		if (this.queued === null) {
			deliver(frame);
			return true;
		}
		if (this.queued.length >= this.config.maxQueuedMessagesBeforeReady) return false;
		this.queued.push(frame);
		return true;
	}

	/** Marks the connection ready and delivers what it sent while waiting, in order. */
	flushQueued(deliver: (frame: Uint8Array) => void): void {
		const queued = this.queued ?? [];
		this.queued = null;
		for (const frame of queued) {
			if (this.closed) return;
			deliver(frame);
		}
	}

	/** Sends a binary frame; disconnects a client whose unsent buffer passed the bound. */
	send(frame: Uint8Array): void {
		if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
		if (this.ws.bufferedAmount > this.config.maxBufferedBytes) {
			this.close(CloseCode.tryAgainLater, 'reading too slowly');
			return;
		}
		// No per-frame callback: a failed write surfaces as the socket's error and close events.
		this.ws.send(frame, { binary: true });
	}

	/** Sends a frame and calls `written` once it has been handed to the operating system. */
	sendThen(frame: Uint8Array, written: () => void): void {
		if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
		this.ws.send(frame, { binary: true }, () => written());
	}

	/** Closes with `code`; further sends are dropped. */
	close(code: number, reason: string): void {
		if (this.closed) return;
		this.closed = true;
		this.queued = null;
		try {
			this.ws.close(code, fitCloseReason(reason));
		} catch {
			this.ws.terminate();
		}
	}

	/** Marks the connection closed after the socket itself closed. */
	markClosed(): void {
		this.closed = true;
		this.queued = null;
	}
}

/** A WebSocket close reason may hold at most 123 bytes of UTF-8 (more makes `ws` throw). */
function fitCloseReason(reason: string): string {
	let fitted = reason;
	while (Buffer.byteLength(fitted) > 123) fitted = fitted.slice(0, -1);
	return fitted;
}
