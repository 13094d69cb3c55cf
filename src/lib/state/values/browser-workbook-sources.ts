/**
 * WORKBOOK() in the browser: the evaluator tells this which workbooks its formulas name; it asks
 * the server what this person may see of them (`GET /api/v1/workbooks/:id/sources`, checked
 * there) and gives the answers back to the evaluator, which recomputes those cells. It asks
 * again when a named workbook's outputs change (the portfolio event stream) and, a few times,
 * while a source has not been computed yet.
 */
import type { WorkbookEvaluator } from '$lib/core/evaluator';
import type { SourceEntry, WorkbookSource } from '$lib/core/functions/workbook-ref';

const RETRY_MS = 3_000;
const MAX_RETRIES = 5;

/** One open workbook's WORKBOOK() sources; see the module comment. */
export class BrowserWorkbookSources implements WorkbookSource {
	private readonly entries = new Map<string, SourceEntry>();
	private readonly wanted = new Set<string>();
	private readonly ids = new Set<string>();
	private timer: ReturnType<typeof setTimeout> | undefined;
	private retries = 0;
	private events: EventSource | null = null;
	private closed = false;

	constructor(
		private readonly workbookId: string,
		private readonly evaluator: WorkbookEvaluator
	) {}

	get(reference: string): SourceEntry | undefined {
		return this.entries.get(reference);
	}

	note(reference: string): void {
		if (this.wanted.has(reference)) return;
		this.wanted.add(reference);
		// Called while the engine evaluates: ask (and recompute) afterwards.
		this.schedule(0);
	}

	close(): void {
		this.closed = true;
		clearTimeout(this.timer);
		this.events?.close();
	}

	private schedule(delay: number): void {
		if (this.closed) return;
		clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.load(), delay);
	}

	private async load(): Promise<void> {
		const query = [...this.wanted].map((ref) => `ref=${encodeURIComponent(ref)}`).join('&');
		try {
			const response = await fetch(`/api/v1/workbooks/${this.workbookId}/sources?${query}`);
			if (!response.ok || this.closed) return;
			const body = (await response.json()) as {
				sources: Record<string, SourceEntry>;
				resolved: { ref: string; id: string | null }[];
			};
			this.entries.clear();
			for (const [ref, entry] of Object.entries(body.sources)) this.entries.set(ref, entry);
			for (const { id } of body.resolved) if (id) this.ids.add(id);
			this.evaluator.setWorkbookSource(this);
			this.follow();
			const missing = [...this.wanted].some((ref) => !this.entries.has(ref));
			if (missing && this.retries++ < MAX_RETRIES) this.schedule(RETRY_MS);
		} catch {
			if (this.retries++ < MAX_RETRIES) this.schedule(RETRY_MS);
		}
	}

	/** Listens for the named workbooks' new outputs (signed-in people only). */
	private follow(): void {
		if (this.events || this.ids.size === 0 || typeof EventSource === 'undefined') return;
		this.events = new EventSource('/api/v1/portfolio/events');
		this.events.addEventListener('outputs', (event) => {
			const { workbookId } = JSON.parse((event as MessageEvent<string>).data) as {
				workbookId: string;
			};
			if (this.ids.has(workbookId)) this.schedule(200);
		});
	}
}
