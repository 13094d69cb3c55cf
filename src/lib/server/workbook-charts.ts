/**
 * Charts over the HTTP API. Reads evaluate on the evaluation workers from the stored (durable)
 * document, as the cells API does; writes run the core's chart operations through the room, so
 * they are committed before the caller is answered and every open browser sees them live.
 * Unknown charts are 404s; other core errors become 400s with their message.
 */
import {
	addChart,
	deleteChart,
	parseChartPatch,
	parseChartSpec,
	updateChart
} from '../core/charts';
import { getRoomRegistry } from './collab/room-registry';
import type { ChartReading } from './evaluation/evaluation-tasks';
import { coreErrorToAppError, evaluateInRoom, inRoom } from './workbook-cells';
import type { Requester } from './workbook-access';
import { requireRole } from './workbooks';

export type { ChartReading } from './evaluation/evaluation-tasks';

/** The workbook's charts in display order, each with its computed data (viewers and up). */
export async function listWorkbookCharts(
	who: Requester,
	workbookId: string
): Promise<ChartReading[]> {
	await requireRole(who, workbookId, 'viewer');
	return evaluateInRoom(workbookId, { kind: 'charts' });
}

/** One chart with its computed data (viewers and up); 404 when there is no such chart. */
export async function readWorkbookChart(
	who: Requester,
	workbookId: string,
	chartId: string
): Promise<ChartReading> {
	await requireRole(who, workbookId, 'viewer');
	return evaluateInRoom(workbookId, { kind: 'chart', chartId });
}

/**
 * Adds a chart from `{ type, title?, sheet?, labels?, series: [{ name, range }] }` as one Yjs
 * update by `userId` (owners and editors); returns it with its data.
 */
export async function createWorkbookChart(
	userId: string,
	workbookId: string,
	body: Record<string, unknown>
): Promise<ChartReading> {
	await requireRole(userId, workbookId, 'editor');
	const spec = validated(() => parseChartSpec(body));
	const id = await inRoom(() =>
		getRoomRegistry().mutate(workbookId, userId, (doc) => addChart(doc, spec))
	);
	return readWorkbookChart(userId, workbookId, id);
}

/** Applies a chart edit (any of type, title, sheet, labels, series) by `userId` (editors). */
export async function updateWorkbookChart(
	userId: string,
	workbookId: string,
	chartId: string,
	body: Record<string, unknown>
): Promise<ChartReading> {
	await requireRole(userId, workbookId, 'editor');
	const patch = validated(() => parseChartPatch(body));
	await inRoom(() =>
		getRoomRegistry().mutate(workbookId, userId, (doc) => updateChart(doc, chartId, patch))
	);
	return readWorkbookChart(userId, workbookId, chartId);
}

/** Deletes a chart (owners and editors); 404 when there is no such chart. */
export async function deleteWorkbookChart(
	userId: string,
	workbookId: string,
	chartId: string
): Promise<void> {
	await requireRole(userId, workbookId, 'editor');
	await inRoom(() =>
		getRoomRegistry().mutate(workbookId, userId, (doc) => deleteChart(doc, chartId))
	);
}

function validated<T>(parse: () => T): T {
	try {
		return parse();
	} catch (error) {
		throw coreErrorToAppError(error);
	}
}
