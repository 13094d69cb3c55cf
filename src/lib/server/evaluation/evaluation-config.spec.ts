import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { EVALUATION_DEFAULTS, readEvaluationConfig } from './evaluation-config';

describe('evaluation configuration', () => {
	it('uses the defaults when nothing is set', () => {
		expect(readEvaluationConfig({})).toEqual(EVALUATION_DEFAULTS);
	});

	it('reads the EVAL_ variables and scales the queue with the workers', () => {
		const config = readEvaluationConfig({
			EVAL_WORKERS: '3',
			EVAL_TIMEOUT_MS: '2500',
			EVAL_EXPORT_TIMEOUT_MS: '90000',
			EVAL_MEMORY_MB: '256',
			EVAL_CACHED_WORKBOOKS: '4'
		});
		expect(config).toMatchObject({
			workers: 3,
			timeoutMs: 2500,
			exportTimeoutMs: 90000,
			memoryMb: 256,
			cachedWorkbooks: 4
		});
		expect(config.queueLimit).toBe((3 / 2) * EVALUATION_DEFAULTS.queueLimit);
	});

	it('refuses a value that is not a positive whole number, naming the variable', () => {
		expect(() => readEvaluationConfig({ EVAL_WORKERS: '0' })).toThrow(ConfigError);
		expect(() => readEvaluationConfig({ EVAL_TIMEOUT_MS: 'soon' })).toThrow(/EVAL_TIMEOUT_MS/);
	});
});
