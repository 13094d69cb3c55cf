/**
 * The benchmarks' output format: one JSON object per benchmark on its own line,
 * `{"bench":"<name>","at":"<ISO time>","results":{"<metric>":<number|string>,…}}`.
 * Metric names end in their unit (`Ms`, `PerSecond`, `KiB`, `Ratio`…).
 */
export type BenchResults = Record<string, number | string | boolean>;

export interface BenchRecord {
	bench: string;
	at: string;
	results: BenchResults;
}

/** Prints one benchmark's results as a JSON line on stdout and returns the record. */
export function printResults(bench: string, results: BenchResults): BenchRecord {
	const record = { bench, at: new Date().toISOString(), results };
	console.log(JSON.stringify(record));
	return record;
}

/** Flattens nested results into dotted metric names (`property.seedMedianMs`). */
export function flattenResults(value: Record<string, unknown>, prefix = ''): BenchResults {
	const flat: BenchResults = {};
	for (const [key, entry] of Object.entries(value)) {
		const name = prefix ? `${prefix}.${key}` : key;
		if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
			Object.assign(flat, flattenResults(entry as Record<string, unknown>, name));
		} else if (
			typeof entry === 'number' ||
			typeof entry === 'string' ||
			typeof entry === 'boolean'
		) {
			flat[name] = entry;
		} else {
			flat[name] = JSON.stringify(entry);
		}
	}
	return flat;
}
