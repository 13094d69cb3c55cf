/**
 * Stable identities for rows, columns, sheets and defined names, and fractional position keys
 * for ordering sheets.
 *
 * Ids are `<clientID in base 36>.<counter in base 36>`: unique across replicas because Yjs
 * client ids are, and short (about 8–10 characters), so 100,000 row ids in one Y.Array stay
 * cheap. The counter lives per Y.Doc instance; a reloaded document gets a fresh Yjs client id.
 */
import type * as Y from 'yjs';

const counters = new WeakMap<Y.Doc, { prefix: string; next: number }>();

/** Returns a new id, unique across every replica of `doc`. */
export function createId(doc: Y.Doc): string {
	let counter = counters.get(doc);
	if (!counter || counter.prefix !== doc.clientID.toString(36)) {
		counter = { prefix: doc.clientID.toString(36), next: 0 };
		counters.set(doc, counter);
	}
	return `${counter.prefix}.${(counter.next++).toString(36)}`;
}

/** Returns `count` new ids in order (cheaper than calling {@link createId} in a loop). */
export function createIds(doc: Y.Doc, count: number): string[] {
	const ids = new Array<string>(count);
	for (let i = 0; i < count; i++) ids[i] = createId(doc);
	return ids;
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

/**
 * Returns a position key strictly between `before` and `after` (either may be absent for the
 * ends). Keys are base-36 fractions compared as plain strings; they never end in `0`, so there
 * is always room between two of them. Concurrent inserts may produce equal keys: readers break
 * ties by id.
 */
export function positionBetween(before?: string, after?: string): string {
	if (before !== undefined && after !== undefined && before >= after) {
		throw new Error(`positionBetween: "${before}" is not before "${after}"`);
	}
	return midpoint(before ?? '', after ?? null);
}

function midpoint(a: string, b: string | null): string {
	if (b !== null) {
		let n = 0;
		while (n < b.length && (a[n] ?? '0') === b[n]) n++;
		if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
	}
	const digitA = a ? DIGITS.indexOf(a[0]) : 0;
	const digitB = b !== null && b.length > 0 ? DIGITS.indexOf(b[0]) : BASE;
	if (digitB - digitA > 1) return DIGITS[Math.round((digitA + digitB) / 2)];
	if (b !== null && b.length > 1) return b.slice(0, 1);
	return DIGITS[digitA] + midpoint(a.slice(1), null);
}
