/**
 * The workbook's durable document as history compares and restores against it: the room's
 * stored parts (snapshot and committed updates, as bytes: nothing is encoded on the event loop)
 * and the newest update they hold.
 */
import { getRoomRegistry } from '../collab/room-registry';
import { inRoom } from '../workbook-cells';

/** The stored parts of the workbook's live document; 404 when it does not exist. */
export function readCurrentParts(
	workbookId: string
): Promise<{ parts: Uint8Array[]; throughUpdateId: number }> {
	const registry = getRoomRegistry();
	return inRoom(() =>
		registry.withRoom(workbookId, async (room) => {
			if (!room) return null;
			const value = await registry.pipeline.submit<{
				parts: Uint8Array[];
				throughUpdateId: number;
			}>({
				kind: 'read',
				room,
				read: (current) => ({
					parts: [...current.durableParts],
					throughUpdateId: current.lastUpdateId
				})
			});
			return { value };
		})
	);
}
