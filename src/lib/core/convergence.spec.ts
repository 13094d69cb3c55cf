import fc from 'fast-check';
import { describe, it } from 'vitest';
import { convergenceProperty } from './convergence-harness';

describe('convergence', () => {
	it('makes three replicas agree on the document and on every computed value, whatever the order of updates', () => {
		fc.assert(convergenceProperty, { numRuns: 200 });
	}, 60_000);
});
