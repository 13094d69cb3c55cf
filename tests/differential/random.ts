/**
 * A small seeded random source (mulberry32): the same seed always yields the same formulas, so a
 * disagreement found by `npm run fuzz:formulas` can be replayed exactly.
 */
export class SeededRandom {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	}

	/** An integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** A number in [min, max) with at most `decimals` decimals (short literals, as people type). */
	num(min: number, max: number, decimals = 2): number {
		const scale = 10 ** decimals;
		return Math.round((min + this.next() * (max - min)) * scale) / scale;
	}

	/** True with probability `p`. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	/** One element of `items`. */
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}
}
