/**
 * Checks where every item of a decoded Yjs update lands in the workbook document and whether
 * what it carries fits the schema there (`core/document-schema.ts`), without applying it. An
 * item names its parent type explicitly (a root name, or the id of the item holding a nested
 * type) or inherits parent and key from its left or right neighbour; neighbours and parents are
 * looked up in the update itself first, then in the document's struct store (a binary search per
 * lookup), so the cost grows with the update, never with the document.
 *
 * An item whose landing cannot be resolved (its neighbour or parent is neither in the update nor
 * in the document) is refused: once its dependency arrived it would integrate unchecked.
 *
 * Root types outside the schema are inert — no reader, export or evaluator looks at them — so
 * what lands there is not checked (the size cap and the workbook quota still bound it). That
 * keeps the endpoint a plain y-websocket server for generic clients (the benchmark's light
 * client writes to its own root).
 */
import * as Y from 'yjs';
import { entryRule, ROOT_SLOTS, type EntryRule, type SchemaSlot } from '../../core/document-schema';
import { collectValue, emptyUpdateContents, type UpdateContents } from './update-contents';

/** A Yjs type of the document: its slot, and the sheet (and sheet field) it belongs to. */
export interface Place {
	slot: SchemaSlot;
	sheetId?: string;
	field?: string;
}

/**
 * Where an item lands: the place of its parent type and its key (null in an array), or nowhere
 * the schema covers (a root outside it, or a deleted type, where Yjs drops it as garbage).
 */
type Landing = (Place & { key: string | null }) | 'nowhere';

/** Why an update does not fit the document schema. */
export class SchemaViolationError extends Error {
	constructor(readonly reason: string) {
		super(`update violates the document schema: ${reason}`);
		this.name = 'SchemaViolationError';
	}
}

type Struct = Y.Item | Y.GC | Y.Skip;

interface Resolution {
	landing: Landing;
	/** For an item holding a nested type: the place that type is. */
	child?: Place | 'nowhere';
}

/** Structs of one update, findable by id. */
class UpdateIndex {
	private readonly byClient = new Map<number, Struct[]>();
	readonly resolved = new Map<Struct, Resolution>();

	constructor(structs: Struct[]) {
		for (const struct of structs) {
			// A skipped range is not part of the update: lookups fall through to the document.
			if (struct instanceof Y.Skip) continue;
			const list = this.byClient.get(struct.id.client);
			if (list) list.push(struct);
			else this.byClient.set(struct.id.client, [struct]);
		}
		for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
	}

	find(id: Y.ID): Y.Item | Y.GC | undefined {
		const list = this.byClient.get(id.client);
		if (!list) return undefined;
		let low = 0;
		let high = list.length - 1;
		while (low <= high) {
			const mid = (low + high) >> 1;
			const struct = list[mid];
			if (id.clock < struct.id.clock) high = mid - 1;
			else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
			else return struct as Y.Item | Y.GC;
		}
		return undefined;
	}
}

function findInDocument(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | undefined {
	if (id.clock >= Y.getState(doc.store, id.client)) return undefined;
	return Y.getItem(doc.store, id) as Y.Item | Y.GC;
}

/** The place of a nested type held at `key` of `parent` (a sheet's id names its sheet). */
function childPlace(parent: Place, key: string | null, slot: SchemaSlot): Place {
	if (slot === 'sheet') return { slot, sheetId: key ?? undefined };
	return { slot, sheetId: parent.sheetId, field: key ?? undefined };
}

const typePlaces = new WeakMap<object, Place | 'nowhere'>();

/** The place a Yjs type of `doc` is, by walking up to its root (a few steps; cached). */
function placeOfType(doc: Y.Doc, type: Y.AbstractType<unknown>): Place | 'nowhere' {
	const cached = typePlaces.get(type);
	if (cached) return cached;
	let place: Place | 'nowhere' = 'nowhere';
	const holder = type._item;
	if (holder === null) {
		for (const [name, root] of doc.share) {
			if (root === type && ROOT_SLOTS[name]) place = { slot: ROOT_SLOTS[name] };
		}
	} else if (!holder.deleted && holder.parent instanceof Y.AbstractType) {
		const parent = placeOfType(doc, holder.parent);
		const rule = parent === 'nowhere' ? null : entryRule(parent.slot, holder.parentSub);
		if (parent !== 'nowhere' && rule && typeof rule !== 'string' && rule.kind === 'type') {
			place = childPlace(parent, holder.parentSub, rule.slot);
		}
	}
	typePlaces.set(type, place);
	return place;
}

/** The landing of a document item (already integrated, so its parent is a type). */
function landingOfDocumentItem(doc: Y.Doc, struct: Y.Item | Y.GC): Landing {
	if (!(struct instanceof Y.Item) || !(struct.parent instanceof Y.AbstractType)) return 'nowhere';
	const place = placeOfType(doc, struct.parent);
	return place === 'nowhere' ? 'nowhere' : { ...place, key: struct.parentSub };
}

/** The place of the type held by the item with `id` (a parent reference), or nowhere. */
function placeHeldBy(doc: Y.Doc, index: UpdateIndex, id: Y.ID): Place | 'nowhere' | null {
	const own = index.find(id);
	if (own) {
		const resolution = index.resolved.get(own);
		if (!resolution) return null;
		if (own instanceof Y.Item && own.content instanceof Y.ContentDeleted) return 'nowhere';
		if (resolution.child) return resolution.child;
		throw new SchemaViolationError('a parent is not a map or list');
	}
	const stored = findInDocument(doc, id);
	if (!stored) throw new SchemaViolationError('an item refers to a parent the document lacks');
	if (!(stored instanceof Y.Item) || !(stored.content instanceof Y.ContentType)) {
		if (stored instanceof Y.Item && !(stored.content instanceof Y.ContentDeleted)) {
			throw new SchemaViolationError('a parent is not a map or list');
		}
		return 'nowhere';
	}
	return placeOfType(doc, stored.content.type);
}

/**
 * The struct `item`'s landing depends on, if it is an unresolved struct of the update; else
 * resolves `item` and returns null.
 */
function resolveItem(
	doc: Y.Doc,
	index: UpdateIndex,
	item: Y.Item,
	contents: UpdateContents
): Struct | null {
	let landing: Landing;
	const parent = item.parent as unknown;
	if (typeof parent === 'string') {
		const slot = ROOT_SLOTS[parent];
		landing = slot ? { slot, key: item.parentSub } : 'nowhere';
	} else if (parent instanceof Y.ID) {
		const place = placeHeldBy(doc, index, parent);
		if (place === null) return index.find(parent)!;
		landing = place === 'nowhere' ? 'nowhere' : { ...place, key: item.parentSub };
	} else {
		const neighbourId = item.origin ?? item.rightOrigin;
		if (!neighbourId) throw new SchemaViolationError('an item has no parent');
		const own = index.find(neighbourId);
		if (own) {
			const resolution = index.resolved.get(own);
			if (!resolution) return own;
			landing = resolution.landing;
		} else {
			const stored = findInDocument(doc, neighbourId);
			if (!stored)
				throw new SchemaViolationError('an item refers to a neighbour the document lacks');
			landing = landingOfDocumentItem(doc, stored);
		}
	}
	index.resolved.set(item, { landing, child: checkContent(item, landing, contents) });
	return null;
}

/** Checks what `item` carries against its landing; returns the place of a nested type it holds. */
function checkContent(
	item: Y.Item,
	landing: Landing,
	contents: UpdateContents
): Place | 'nowhere' | undefined {
	const content = item.content;
	if (content instanceof Y.ContentDeleted) return undefined;
	if (landing === 'nowhere') return content instanceof Y.ContentType ? 'nowhere' : undefined;
	const rule: EntryRule | string = entryRule(landing.slot, landing.key);
	if (typeof rule === 'string') throw new SchemaViolationError(rule);
	if (content instanceof Y.ContentType) {
		const expected = rule.kind === 'type' ? rule.typeName : null;
		const actual =
			content.type instanceof Y.Map ? 'map' : content.type instanceof Y.Array ? 'array' : 'other';
		if (expected !== actual) {
			throw new SchemaViolationError(`${landing.slot}.${landing.key ?? '[]'} holds no ${actual}`);
		}
		return rule.kind === 'type' ? childPlace(landing, landing.key, rule.slot) : undefined;
	}
	if (!(content instanceof Y.ContentAny) || rule.kind !== 'value') {
		throw new SchemaViolationError(`${landing.slot}.${landing.key ?? '[]'} holds other content`);
	}
	for (const value of content.arr) {
		const problem = rule.check(value);
		if (problem) throw new SchemaViolationError(problem);
		collectValue(contents, landing, value);
	}
	if (landing.slot === 'axis' && landing.sheetId !== undefined) {
		const axis = landing.field === 'cols' ? 'cols' : 'rows';
		contents.axisItems.push({ sheetId: landing.sheetId, axis, item });
	}
	return undefined;
}

/**
 * Throws {@link SchemaViolationError} unless every item of `structs` (a decoded update) lands
 * where the schema allows and carries what it allows there. Deletions are always allowed: the
 * readers tolerate any part of the document being gone. Returns what the update writes that the
 * formula limits check next (see {@link UpdateContents}).
 */
export function checkUpdateSchema(doc: Y.Doc, structs: Struct[]): UpdateContents {
	const index = new UpdateIndex(structs);
	const contents = emptyUpdateContents((id) => index.find(id));
	for (const struct of structs) {
		if (!(struct instanceof Y.Item) || index.resolved.has(struct)) continue;
		// Depth-first over the update's own dependencies, without recursion (chains of typed
		// characters can be long).
		const stack: Y.Item[] = [struct];
		const onStack = new Set<Struct>([struct]);
		while (stack.length > 0) {
			const top = stack[stack.length - 1];
			const dependency = resolveItem(doc, index, top, contents);
			if (dependency === null) {
				stack.pop();
				onStack.delete(top);
				continue;
			}
			if (!(dependency instanceof Y.Item)) {
				// A GC'd or skipped neighbour: Yjs drops the item as garbage, so it lands nowhere.
				index.resolved.set(top, {
					landing: 'nowhere',
					child: checkContent(top, 'nowhere', contents)
				});
				stack.pop();
				onStack.delete(top);
				continue;
			}
			if (onStack.has(dependency)) throw new SchemaViolationError('items depend on each other');
			stack.push(dependency);
			onStack.add(dependency);
		}
	}
	return contents;
}
