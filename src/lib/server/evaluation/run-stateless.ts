/**
 * Runs a task that carries its own bytes (an uploaded file, history's documents) on the
 * evaluation workers, never on the event loop, answering a refusal as the live endpoints do
 * (4xx) and a busy or over-budget pool as 503. Imports, bank statements and history share it.
 */
import { getConfig } from '../config';
import { AppError } from '../errors';
import { evaluationErrorKind, getEvaluationPool, EvaluationRetryError } from './evaluation-pool';
import type { StatelessTask, TaskResults } from './evaluation-tasks';
import { evaluationErrorToAppError } from '../workbook-cells';

/** Dispatches this many times at most (a worker replaced under the first attempt). */
const ATTEMPTS = 3;

/** Runs `task` on an evaluation worker and resolves with its value. */
export async function runStatelessTask<K extends StatelessTask['kind']>(
	task: StatelessTask & { kind: K }
): Promise<TaskResults[K]> {
	const pool = getEvaluationPool(() => getConfig().evaluation);
	for (let attempt = 1; ; attempt++) {
		try {
			const answer = await pool.run(task);
			if (answer.kind === 'value') return answer.value as TaskResults[K];
			if (answer.kind === 'refused') {
				const status = answer.missing ? 404 : answer.code === 'limit_exceeded' ? 413 : 400;
				throw new AppError(
					(answer.status ?? status) as AppError['status'],
					answer.code,
					answer.message,
					answer.field
				);
			}
			throw new EvaluationRetryError();
		} catch (error) {
			if (evaluationErrorKind(error) !== 'retry' || attempt >= ATTEMPTS) {
				throw evaluationErrorToAppError(error, pool.timeoutFor(task));
			}
		}
	}
}
