import fc from 'fast-check';
import { describe, it } from 'vitest';
import { convergenceProperty, scenarioConvergenceProperty } from './convergence-harness';

describe('convergence', () => {
	it('makes three replicas agree on the document and on every computed value, whatever the order of updates', () => {
		fc.assert(convergenceProperty, { numRuns: 200 });
	}, 60_000);

	it('makes three replicas agree on scenario overrides and on the values a scenario shows', () => {
		fc.assert(scenarioConvergenceProperty, { numRuns: 100 });
	}, 90_000);

	it('keeps a formula right when a row moves into a range written bottom-up (a found counterexample)', () => {
		fc.assert(convergenceProperty, {
			seed: -142609534,
			path: '162:2:2:9:9:16:18:20:20:20:20:20:21:21:22:21:22:24:31:28:28:32:18:18',
			endOnFailure: true
		});
	});
});
