/**
 * WebSocket close codes the collaboration endpoint uses. The 44xx codes mirror HTTP statuses so
 * a browser (which never sees the upgrade's HTTP status) can tell what went wrong.
 */
export const CloseCode = {
	/** A frame that is not a binary y-websocket message. */
	unsupportedData: 1003,
	/**
	 * The client broke a fair-use rule: too many sync step 1 messages a minute, or awareness far
	 * past its byte budget.
	 */
	policyViolation: 1008,
	/** A frame larger than `maxPayloadBytes` (sent by `ws` itself). */
	messageTooBig: 1009,
	/** Something failed on the server; reconnecting resyncs from the database. */
	internalError: 1011,
	/** The server is restarting or the room was unloaded; reconnect. */
	serviceRestart: 1012,
	/** The client reads too slowly (its unsent buffer grew past the bound). */
	tryAgainLater: 1013,
	/**
	 * A message that does not decode, or an update that was refused (malformed, over the size
	 * cap, or not fitting the document schema); nothing of it was stored.
	 */
	badRequest: 4400,
	/** No session (and no share link). */
	unauthorized: 4401,
	/** No access to this workbook, access revoked, or a foreign Origin. */
	forbidden: 4403,
	/** No such workbook (or it was deleted). */
	notFound: 4404,
	/** An update that would take the workbook past `WORKBOOK_MAX_BYTES`; nothing of it was stored. */
	workbookTooLarge: 4413
} as const;

/** One of {@link CloseCode}'s values. */
export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];
