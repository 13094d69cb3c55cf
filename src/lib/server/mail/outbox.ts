/**
 * Sends the app's emails (invitations, address verification, password reset) with nodemailer:
 * through the SMTP server at `SMTP_URL` when it is set, otherwise into an outbox of `.eml` files
 * under `$DATA_DIR/outbox`, each logged, so a fresh install needs no mail server — open the file
 * (any mail client reads it) to follow its link.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { getConfig } from '../config';
import { getLogger } from '../logger';

/** One plain-text message to one address. */
export interface MailMessage {
	to: string;
	subject: string;
	text: string;
}

/** Where messages go when `SMTP_URL` is unset. */
export function outboxDirectory(): string {
	return path.join(getConfig().dataDir, 'outbox');
}

function senderAddress(): string {
	return process.env.MAIL_FROM || `InvestFlow <no-reply@${getConfig().origin.hostname}>`;
}

let smtp: Transporter | undefined;

function smtpTransport(url: string): Transporter {
	smtp ??= nodemailer.createTransport(url);
	return smtp;
}

/** Renders `message` as an RFC 5322 file in the outbox; returns its path. */
async function writeToOutbox(message: MailMessage & { from: string }): Promise<string> {
	const composer = nodemailer.createTransport({
		streamTransport: true,
		buffer: true,
		newline: 'unix'
	});
	const { message: bytes } = (await composer.sendMail(message)) as { message: Buffer };
	const directory = outboxDirectory();
	await fs.mkdir(directory, { recursive: true });
	// Time first, so a directory listing is in sending order.
	const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomUUID()}.eml`;
	const file = path.join(directory, name);
	await fs.writeFile(file, bytes, { mode: 0o600 });
	return file;
}

/**
 * Sends `message`. Never throws: a failure is logged and reported as false, because no caller
 * should fail (or answer differently, which would tell whether an account exists) when mail is
 * down. The link a message carries is never logged.
 */
export async function sendMail(message: MailMessage): Promise<boolean> {
	const log = getLogger().child({ module: 'mail' });
	const full = { ...message, from: senderAddress() };
	try {
		const smtpUrl = process.env.SMTP_URL;
		if (smtpUrl) {
			await smtpTransport(smtpUrl).sendMail(full);
			log.info({ to: message.to, subject: message.subject }, 'email sent');
		} else {
			const file = await writeToOutbox(full);
			log.info({ to: message.to, subject: message.subject, file }, 'email written to the outbox');
		}
		return true;
	} catch (error) {
		log.error({ err: error, to: message.to, subject: message.subject }, 'email not sent');
		return false;
	}
}
