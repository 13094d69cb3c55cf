/**
 * Reads the emails a test server wrote to its outbox (`$DATA_DIR/outbox`, used when SMTP_URL is
 * unset), as a person would read their inbox: the newest message to an address, and its link.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TestServer } from './server';
import { waitFor } from './wait';

export interface ReceivedMail {
	file: string;
	to: string;
	subject: string;
	text: string;
	/** The first http(s) link in the body. */
	link: string | undefined;
}

function decodeBody(body: string, encoding: string | undefined): string {
	if (encoding === 'base64')
		return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	if (encoding === 'quoted-printable') {
		const joined = body.replace(/=\r?\n/g, '');
		return Buffer.from(
			joined.replace(/=([0-9A-F]{2})/gi, (_, hex: string) =>
				String.fromCharCode(parseInt(hex, 16))
			),
			'latin1'
		).toString('utf8');
	}
	return body;
}

function decodeHeaderWords(value: string): string {
	return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
		kind.toLowerCase() === 'b'
			? Buffer.from(text, 'base64').toString('utf8')
			: decodeBody(text.replace(/_/g, ' '), 'quoted-printable')
	);
}

/** Parses one single-part plain-text .eml file as nodemailer writes them. */
export function parseMail(file: string): ReceivedMail {
	const raw = fs.readFileSync(file, 'utf8');
	const split = raw.search(/\r?\n\r?\n/);
	const headerText = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
	const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
	const headers = new Map<string, string>();
	for (const line of headerText.split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
	}
	const text = decodeBody(body, headers.get('content-transfer-encoding')?.toLowerCase());
	return {
		file,
		to: (headers.get('to') ?? '').replace(/^.*<|>.*$/g, '').toLowerCase(),
		subject: decodeHeaderWords(headers.get('subject') ?? ''),
		text,
		link: /https?:\/\/\S+/.exec(text)?.[0]
	};
}

/** The outbox directory of a test server. */
export function outboxOf(server: TestServer): string {
	return path.join(server.database.env.DATA_DIR, 'outbox');
}

/** Every message in a server's outbox (or an outbox directory), oldest first. */
export function readOutbox(server: TestServer | string): ReceivedMail[] {
	const directory = typeof server === 'string' ? server : outboxOf(server);
	if (!fs.existsSync(directory)) return [];
	return fs
		.readdirSync(directory)
		.filter((name) => name.endsWith('.eml'))
		.sort()
		.map((name) => parseMail(path.join(directory, name)));
}

/** The newest message to `email` (optionally whose subject matches), waiting for it to arrive. */
export function newestMailTo(
	server: TestServer | string,
	email: string,
	subject?: RegExp,
	timeoutMs = 5_000
): Promise<ReceivedMail> {
	return waitFor(
		() =>
			readOutbox(server)
				.filter(
					(mail) => mail.to === email.toLowerCase() && (!subject || subject.test(mail.subject))
				)
				.at(-1),
		timeoutMs,
		`an email to ${email}`
	);
}
