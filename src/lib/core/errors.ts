/**
 * Every error the workbook core throws on purpose. Each kind is a class with a stable `code`
 * that routes map to a 4xx response (`{ error: { code, message } }`) and a message a person can
 * read. Anything else thrown from core is a bug and should become a 500.
 */

/** Base class of all deliberate core errors; `code` is stable API, `message` is for people. */
export class WorkbookError extends Error {
	/** A stable machine-readable code such as `unknown_sheet`. */
	readonly code: string;
	/** `missing`: the request names a thing that does not exist (a 404); else it is invalid. */
	readonly kind: 'invalid' | 'missing';

	constructor(code: string, message: string, kind: 'invalid' | 'missing' = 'invalid') {
		super(message);
		this.name = new.target.name;
		this.code = code;
		this.kind = kind;
	}
}

/** A sheet name or id that the workbook does not have. */
export class UnknownSheetError extends WorkbookError {
	constructor(sheet: string) {
		super('unknown_sheet', `There is no sheet named "${sheet}".`);
	}
}

/** An A1 address, range, row or column that is malformed or outside the sheet's limits. */
export class InvalidAddressError extends WorkbookError {
	constructor(address: string, reason = 'is not a valid cell address or range') {
		super('invalid_address', `"${address}" ${reason}.`);
	}
}

/** A sheet or defined name that is not allowed (empty, bad characters, looks like a cell). */
export class InvalidNameError extends WorkbookError {
	constructor(name: string, reason: string) {
		super('invalid_name', `"${name}" cannot be used as a name: ${reason}.`);
	}
}

/** A sheet or defined name that is already taken (names compare case-insensitively). */
export class NameConflictError extends WorkbookError {
	constructor(name: string, what: 'sheet' | 'name' | 'scenario') {
		super(
			'name_conflict',
			what === 'sheet'
				? `A sheet named "${name}" already exists.`
				: what === 'scenario'
					? `A scenario named "${name}" already exists.`
					: `A name "${name}" is already defined.`
		);
	}
}

/** A defined name that the workbook does not have. */
export class UnknownNameError extends WorkbookError {
	constructor(name: string) {
		super('unknown_name', `There is no defined name "${name}".`);
	}
}

/** A formula that cannot be parsed (unbalanced parentheses, unterminated text, …). */
export class InvalidFormulaError extends WorkbookError {
	constructor(formula: string, reason: string) {
		super('invalid_formula', `The formula "${formula}" is not valid: ${reason}.`);
	}
}

/** An operation that would leave the workbook without any sheet. */
export class LastSheetError extends WorkbookError {
	constructor() {
		super('last_sheet', 'A workbook must keep at least one sheet.');
	}
}

/** An operation object (typically from the network) that is malformed or unknown. */
export class InvalidOperationError extends WorkbookError {
	constructor(reason: string) {
		super('invalid_operation', `Invalid operation: ${reason}.`);
	}
}

/** A request that would grow a sheet or a batch past the limits the core accepts. */
export class LimitExceededError extends WorkbookError {
	constructor(reason: string) {
		super('limit_exceeded', `Too large: ${reason}.`);
	}
}

/** A number format code that Excel (and `number-format.ts`) would not understand. */
export class InvalidFormatError extends WorkbookError {
	constructor(format: string) {
		super('invalid_format', `"${format}" is not a number format.`);
	}
}

/** A scenario id that the workbook does not have (deleted, or never there). */
export class UnknownScenarioError extends WorkbookError {
	constructor(id: string) {
		super('unknown_scenario', `There is no scenario "${id}".`, 'missing');
	}
}

/**
 * A goal seek that found no input value giving the target within its bracket; the message says
 * why (no sign change, the output is an error there). Answered as 422.
 */
export class NoSolutionError extends WorkbookError {
	constructor(reason: string) {
		super('no_solution', `No solution: ${reason}.`);
	}
}
