/**
 * What compaction (collab/commit-pipeline.ts) asks of history, without ever waiting for a digest:
 * how far history has read the log (covered rows past that stay), and a digest started in the
 * background that deletes those rows once it has read them.
 */
import { getHistoryService } from './history-service';

/**
 * How far the workbook's history has digested its log (0 when the workbook is gone): compaction
 * deletes covered rows only up to here. Starts the workbook's history first when it has none, so
 * that it begins at the snapshot about to be replaced and misses none of the rows being folded
 * (a quick one-time write, not a digest: compaction never waits for one).
 */
export async function historyDigestedThrough(workbookId: string): Promise<number> {
	const cursor = await getHistoryService().begin(workbookId);
	return cursor?.throughUpdateId ?? 0;
}

/**
 * Starts a digest of the workbook in the background (not awaited; failures are logged). When it
 * has caught up it deletes the log rows a snapshot covers that compaction had to leave.
 */
export function requestHistoryDigest(workbookId: string): void {
	const service = getHistoryService();
	service.catchUp(workbookId).catch((error: unknown) => service.digestFailed(workbookId, error));
}
