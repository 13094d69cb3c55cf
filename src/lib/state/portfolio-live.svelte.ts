/**
 * The open dashboard's portfolio, kept live: it listens to the server's event stream
 * (`/api/v1/portfolio/events`), and when a visible workbook's outputs change it reads the
 * portfolio again (coalescing bursts into one read). While some outputs are still being
 * computed it also reads every couple of seconds, so "updating" marks clear by themselves.
 */
import type { OutputValue } from '$lib/core/published-outputs';
import type { PortfolioTotals } from '$lib/core/portfolio-totals';

/** One property as `GET /api/v1/portfolio` lists it. */
export interface LiveProperty {
	workbookId: string;
	title: string;
	role: string;
	outputs: Record<string, OutputValue>;
	computedAt: string | null;
	stale: boolean;
	error: string | null;
}

/** `GET /api/v1/portfolio`. */
export interface LivePortfolio {
	properties: LiveProperty[];
	totals: PortfolioTotals;
}

const STALE_POLL_MS = 2_000;

/** A portfolio that follows the server; call {@link start} on mount and {@link stop} after. */
export class PortfolioLive {
	portfolio = $state.raw<LivePortfolio>({ properties: [], totals: {} as PortfolioTotals });
	/** Bumped on every read, so dependants (the Schedule E report) re-read with it. */
	version = $state(0);
	connected = $state(false);
	private events: EventSource | null = null;
	private reading: Promise<void> | null = null;
	private readAgain = false;
	private poll: ReturnType<typeof setTimeout> | undefined;

	constructor(initial: LivePortfolio) {
		this.portfolio = initial;
	}

	start(): void {
		this.events = new EventSource('/api/v1/portfolio/events');
		this.events.addEventListener('open', () => (this.connected = true));
		this.events.addEventListener('error', () => (this.connected = false));
		this.events.addEventListener('outputs', () => void this.refresh());
		this.schedulePoll();
	}

	stop(): void {
		this.events?.close();
		this.events = null;
		clearTimeout(this.poll);
	}

	/** Reads the portfolio now (or once more after the read in flight). */
	async refresh(): Promise<void> {
		if (this.reading) {
			this.readAgain = true;
			return this.reading;
		}
		this.reading = (async () => {
			try {
				do {
					this.readAgain = false;
					const response = await fetch('/api/v1/portfolio', { cache: 'no-store' });
					if (!response.ok) return;
					this.portfolio = (await response.json()) as LivePortfolio;
					this.version++;
				} while (this.readAgain);
			} catch {
				// Offline for a moment: the next event or poll reads again.
			} finally {
				this.reading = null;
				this.schedulePoll();
			}
		})();
		return this.reading;
	}

	private schedulePoll(): void {
		clearTimeout(this.poll);
		if (!this.events) return;
		if (!this.portfolio.properties.some((property) => property.stale && !property.error)) return;
		this.poll = setTimeout(() => void this.refresh(), STALE_POLL_MS);
	}
}
