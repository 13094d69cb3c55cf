/**
 * Which automatic versions age out: every one younger than `keepAllMs`, then the newest of each
 * UTC day until `keepDailyMs`, then the newest of each UTC month. Named versions and the newest
 * version (the base of the open session) are always kept. Pure: history-service applies it.
 */

/** A version as thinning sees it. */
export interface AgedVersion {
	id: string;
	kind: string;
	createdAt: Date;
	seq: number;
}

const DAY = 86_400_000;

/** Ids of the versions to remove at `now`. */
export function selectThinned(
	versions: readonly AgedVersion[],
	now: number,
	limits: { keepAllMs: number; keepDailyMs: number }
): string[] {
	const newest = versions.reduce<AgedVersion | null>(
		(best, version) => (!best || version.seq > best.seq ? version : best),
		null
	);
	const keptPerBucket = new Map<string, AgedVersion>();
	const candidates: AgedVersion[] = [];
	for (const version of versions) {
		if (version.kind !== 'auto') continue;
		const age = now - version.createdAt.getTime();
		if (age < limits.keepAllMs) continue;
		if (version !== newest) candidates.push(version);
		const bucket = bucketOf(version.createdAt, age < limits.keepDailyMs);
		const kept = keptPerBucket.get(bucket);
		if (!kept || version.seq > kept.seq) keptPerBucket.set(bucket, version);
	}
	const kept = new Set([...keptPerBucket.values()].map((version) => version.id));
	return candidates
		.filter((version) => !kept.has(version.id))
		.sort((a, b) => a.seq - b.seq)
		.map((version) => version.id);
}

function bucketOf(at: Date, daily: boolean): string {
	if (daily) return `d${Math.floor(at.getTime() / DAY)}`;
	return `m${at.getUTCFullYear()}-${at.getUTCMonth()}`;
}
