/**
 * The open workbook in this tab: its Y.Doc, kept in IndexedDB (edits survive going offline or
 * closing the tab) and synced through the collaboration socket; computed values; presence;
 * per-person undo; and the connection status people see. Components read its runes and call
 * `workbook-commands.ts` to change the document.
 */
import * as Y from 'yjs';
import { version } from '$app/environment';
import { WebsocketProvider } from 'y-websocket';
import { CloseCode } from '$lib/collab/protocol';
import { IndexeddbPersistence } from 'y-indexeddb';
import { deviceCopyName } from './device-copy';
import { chartsMap, metaMap, namesMap, scenariosMap, sheetsMap } from '$lib/core/document';
import { listSheetEntries } from '$lib/core/document-view';
import type { CurrencyCode } from '$lib/core/number-format';
import type { SessionValueSource } from './values/cell-values';
import {
	backoffDelay,
	describeTerminalClose,
	MAX_BACKOFF_MS,
	type ConnectionStatus
} from './connection';
import { ScenarioSession } from './scenario-session.svelte';
import { SessionValues } from './values/session-values';

/** Where another person is: their sheet, active cell and selected range (A1). */
export interface PresenceCursor {
	sheetId: string;
	ref: string;
	range: string;
}

/** Another person in the workbook, as their awareness state says. */
export interface Collaborator {
	clientId: number;
	name: string;
	color: string;
	cursor: PresenceCursor | null;
	/** The scenario they are in (null: the base). */
	scenarioId: string | null;
}

/** A sheet tab. */
export interface SheetTab {
	id: string;
	name: string;
}

/** What the session needs to know about the page. */
export interface SessionOptions {
	workbookId: string;
	user: { id: string; name: string };
	readOnly: boolean;
	/** A view-only share link's token: sent as `?link=`; nothing is kept on the device. */
	linkToken?: string;
	/** Defaults to the page's origin with ws(s). */
	serverUrl?: string;
	/**
	 * Shows a version instead of the live workbook: the URL of its state (a Yjs update), loaded
	 * once; the session never connects, keeps nothing on the device and is read-only.
	 */
	versionStateUrl?: string;
}

/** How long the socket waits for IndexedDB before connecting anyway. */
const LOCAL_LOAD_WAIT_MS = 1_500;

/** Runs `task` once the page is idle: after the frames that were due have been painted. */
function whenIdle(task: () => void): void {
	if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 1_000 });
	else setTimeout(task, 50); // Safari has no requestIdleCallback
}

const COLORS = ['#1a73e8', '#d93025', '#188038', '#e37400', '#9334e6', '#007b83', '#c5221f'];

/** One open workbook; call {@link destroy} when leaving the page. */
export class WorkbookSession {
	readonly doc = new Y.Doc();
	/** Origin of this person's own transactions: what undo tracks. */
	readonly origin = { kind: 'local-edit' };
	readonly readOnly: boolean;
	readonly workbookId: string;
	/** Who is editing (recorded as a scenario's creator). */
	readonly userId: string;
	readonly provider: WebsocketProvider;
	readonly undoManager: Y.UndoManager;
	/** Bumped after every change of document or values; readers depend on it. */
	version = $state(0);
	status = $state<ConnectionStatus>('connecting');
	/** Local edits made since the server last confirmed a sync. */
	pendingEdits = $state(0);
	/** True once there is a document to show (from this device or the server). */
	ready = $state(false);
	/** A reason the server closed the workbook for good, or null. */
	closedReason = $state<string | null>(null);
	/**
	 * True once the server said this person may no longer open the workbook (access revoked,
	 * link revoked, workbook deleted): the screen then shows nothing of it, and its copy on this
	 * device is gone.
	 */
	accessLost = $state(false);
	sheets = $state.raw<SheetTab[]>([]);
	collaborators = $state.raw<Collaborator[]>([]);
	canUndo = $state(false);
	canRedo = $state(false);
	currency = $state<CurrencyCode>('USD');
	values: SessionValueSource | null = null;
	/** The workbook's scenarios and the one this tab shows. */
	readonly scenarios: ScenarioSession;

	private readonly persistence: IndexeddbPersistence | null;
	private readonly valueSources: SessionValues;
	private everConnected = false;
	private readonly cleanups: (() => void)[] = [];

	constructor(options: SessionOptions) {
		const versionUrl = options.versionStateUrl;
		this.readOnly = options.readOnly || options.linkToken !== undefined || !!versionUrl;
		this.workbookId = options.workbookId;
		this.userId = options.user.id;
		const serverUrl =
			options.serverUrl ??
			`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
		const keptOnDevice =
			typeof indexedDB !== 'undefined' && options.linkToken === undefined && !versionUrl;
		// First, so that the worker and the read of cached values start before the document loads.
		this.valueSources = new SessionValues(
			this.doc,
			keptOnDevice
				? { userId: options.user.id, workbookId: options.workbookId, appVersion: version }
				: null
		);
		this.persistence = keptOnDevice
			? new IndexeddbPersistence(deviceCopyName(options.user.id, options.workbookId), this.doc)
			: null;
		const online = typeof navigator === 'undefined' || navigator.onLine;
		this.provider = new WebsocketProvider(serverUrl, options.workbookId, this.doc, {
			maxBackoffTime: MAX_BACKOFF_MS,
			params: options.linkToken ? { link: options.linkToken } : {},
			connect: online && !this.persistence && !versionUrl
		});
		this.undoManager = new Y.UndoManager(
			[
				sheetsMap(this.doc),
				namesMap(this.doc),
				metaMap(this.doc),
				chartsMap(this.doc),
				scenariosMap(this.doc)
			],
			// A plain Set: Yjs reads it, nothing renders it.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			{ trackedOrigins: new Set([this.origin]), captureTimeout: 0 }
		);
		this.provider.awareness.setLocalStateField('user', {
			name: options.user.name,
			color: COLORS[this.doc.clientID % COLORS.length]
		});
		this.scenarios = new ScenarioSession(this.doc, this.provider.awareness);
		this.watchDocument();
		this.watchConnection();
		this.watchPresence();
		if (versionUrl) {
			void this.loadVersion(versionUrl);
			return;
		}
		if (this.persistence && online) this.connectOnceLoadedLocally(this.persistence);
		if (typeof navigator !== 'undefined' && !navigator.onLine) this.status = 'offline';
	}

	/** Loads a version's state (see SessionOptions.versionStateUrl) and shows it. */
	private async loadVersion(url: string): Promise<void> {
		try {
			const response = await fetch(url, { credentials: 'same-origin' });
			if (!response.ok) {
				this.closedReason =
					response.status === 404
						? 'This version is not available: the link may have been revoked or have expired.'
						: 'This version could not be loaded. Reload the page to try again.';
				return;
			}
			Y.applyUpdate(this.doc, new Uint8Array(await response.arrayBuffer()));
			this.status = 'connected';
			this.becomeReadyIfLoaded();
		} catch {
			this.status = 'offline';
			this.closedReason = 'This version could not be loaded. Check the connection and reload.';
		}
	}

	/** Publishes this person's selection to the others. */
	setCursor(cursor: PresenceCursor | null): void {
		this.provider.awareness.setLocalStateField('cursor', cursor);
	}

	/** Stops syncing and releases the engine, worker, socket and database handle. */
	destroy(): void {
		for (const cleanup of this.cleanups.splice(0)) cleanup();
		this.values?.destroy();
		this.scenarios.destroy();
		this.valueSources.destroy();
		this.undoManager.destroy();
		this.provider.destroy();
		void this.persistence?.destroy();
		this.doc.destroy();
	}

	private watchDocument(): void {
		const afterTransaction = (transaction: Y.Transaction) => {
			if (transaction.changed.size === 0) return;
			this.refreshSheets();
			this.version++;
		};
		const onUpdate = (_update: Uint8Array, origin: unknown) => {
			const local = origin === this.origin || origin === this.undoManager;
			if (local && !(this.provider.wsconnected && this.provider.synced)) this.pendingEdits++;
		};
		const onStack = () => {
			this.canUndo = this.undoManager.canUndo();
			this.canRedo = this.undoManager.canRedo();
		};
		this.doc.on('afterTransaction', afterTransaction);
		this.doc.on('update', onUpdate);
		this.undoManager.on('stack-item-added', onStack);
		this.undoManager.on('stack-item-popped', onStack);
		this.undoManager.on('stack-cleared', onStack);
		void this.persistence?.whenSynced.then(() => this.becomeReadyIfLoaded());
	}

	private watchConnection(): void {
		const provider = this.provider;
		provider.on('status', ({ status }) => {
			if (status === 'connected') return; // wait for the sync to call it connected
			this.status = !navigator.onLine
				? 'offline'
				: this.everConnected
					? 'reconnecting'
					: 'connecting';
		});
		provider.on('sync', (synced) => {
			if (!synced) return;
			this.everConnected = true;
			this.status = 'connected';
			this.pendingEdits = 0;
			this.becomeReadyIfLoaded();
		});
		provider.on('connection-close', () => {
			// Full jitter: y-websocket waits min(2^n · 100, maxBackoffTime) before the next try.
			provider.maxBackoffTime = backoffDelay(provider.wsUnsuccessfulReconnects + 1);
		});
		provider.on('closed', ({ code }) => {
			this.closedReason = describeTerminalClose(code);
			this.status = 'offline';
			if (code === CloseCode.forbidden || code === CloseCode.notFound) this.dropLocalCopy();
		});
		const goOffline = () => {
			this.status = 'offline';
			provider.disconnect();
		};
		const goOnline = () => {
			if (this.closedReason) return;
			this.status = 'reconnecting';
			provider.maxBackoffTime = MAX_BACKOFF_MS;
			provider.connect();
		};
		window.addEventListener('offline', goOffline);
		window.addEventListener('online', goOnline);
		this.cleanups.push(() => {
			window.removeEventListener('offline', goOffline);
			window.removeEventListener('online', goOnline);
		});
	}

	/**
	 * Connects once this device's copy has loaded (or after {@link LOCAL_LOAD_WAIT_MS}, should
	 * IndexedDB stall): the first sync message then carries the loaded state, so the server sends
	 * only what is missing, not the whole workbook to be decoded here a second time.
	 */
	private connectOnceLoadedLocally(persistence: IndexeddbPersistence): void {
		let settled = false;
		const connect = () => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			// Not if the person went offline meanwhile, or came back online (already connected).
			if (this.closedReason || !navigator.onLine || this.provider.shouldConnect) return;
			this.provider.connect();
		};
		const timer = setTimeout(connect, LOCAL_LOAD_WAIT_MS);
		// When idle: connecting encodes the whole document for other tabs (y-websocket's
		// BroadcastChannel), which must not hold up the first paint of the loaded workbook.
		void persistence.whenSynced.then(() => whenIdle(connect));
		this.cleanups.push(() => {
			settled = true;
			clearTimeout(timer);
		});
	}

	private watchPresence(): void {
		const awareness = this.provider.awareness;
		const onChange = () => {
			const others: Collaborator[] = [];
			awareness.getStates().forEach((state, clientId) => {
				if (clientId === this.doc.clientID || !state.user) return;
				const user = state.user as { name?: string; color?: string };
				others.push({
					clientId,
					name: String(user.name ?? 'Someone'),
					color: String(user.color ?? COLORS[clientId % COLORS.length]),
					cursor: (state.cursor as PresenceCursor | undefined) ?? null,
					scenarioId: typeof state.scenario === 'string' ? state.scenario : null
				});
			});
			this.collaborators = others;
		};
		awareness.on('change', onChange);
		this.cleanups.push(() => awareness.off('change', onChange));
	}

	/**
	 * Forgets the workbook on this device for this person: its IndexedDB copy (y-indexeddb's
	 * `clearData`), the cached values, and the figures in memory, as Sheets blanks the page.
	 */
	private dropLocalCopy(): void {
		this.accessLost = true;
		this.provider.disconnect();
		void this.persistence?.clearData();
		this.valueSources.forget();
	}

	private becomeReadyIfLoaded(): void {
		if (this.ready || listSheetEntries(this.doc).length === 0) return;
		this.values = this.valueSources.open();
		this.values.showScenario(this.scenarios.overlay);
		this.cleanups.push(this.values.onChange(() => this.version++));
		this.refreshSheets();
		this.ready = true;
	}

	private refreshSheets(): void {
		const entries = listSheetEntries(this.doc);
		const next = entries.map((sheet) => ({ id: sheet.id, name: sheet.name }));
		const same =
			next.length === this.sheets.length &&
			next.every((tab, i) => tab.id === this.sheets[i].id && tab.name === this.sheets[i].name);
		if (!same) this.sheets = next;
		const currency = metaMap(this.doc).get('currency');
		if (typeof currency === 'string' && currency !== this.currency) {
			this.currency = currency as CurrencyCode;
		}
	}
}
