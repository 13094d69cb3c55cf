/**
 * A minimal cookie-keeping JSON client for the API, like a browser session or the CLI.
 */
export interface ApiResponse<T = Record<string, unknown>> {
	status: number;
	headers: Headers;
	body: T;
}

export class ApiClient {
	private cookie: string | undefined;

	constructor(
		readonly baseUrl: string,
		private readonly defaultHeaders: Record<string, string> = {}
	) {}

	/** The session cookie currently held (`name=value`), if any. */
	get sessionCookie(): string | undefined {
		return this.cookie;
	}

	set sessionCookie(value: string | undefined) {
		this.cookie = value;
	}

	async request<T = Record<string, unknown>>(
		method: string,
		path: string,
		body?: unknown,
		headers: Record<string, string> = {}
	): Promise<ApiResponse<T>> {
		const response = await fetch(new URL(path, this.baseUrl), {
			method,
			headers: {
				...this.defaultHeaders,
				...(body !== undefined && { 'content-type': 'application/json' }),
				...(this.cookie && { cookie: this.cookie }),
				...headers
			},
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
			redirect: 'manual'
		});
		const setCookie = response.headers.getSetCookie().find((c) => /session=/.test(c));
		if (setCookie) {
			const [pair] = setCookie.split(';');
			this.cookie =
				/=$/.test(pair) || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(setCookie) ? undefined : pair;
		}
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : null;
		} catch {
			// not JSON: keep the text
		}
		return { status: response.status, headers: response.headers, body: parsed as T };
	}

	get<T = Record<string, unknown>>(path: string, headers?: Record<string, string>) {
		return this.request<T>('GET', path, undefined, headers);
	}
	post<T = Record<string, unknown>>(
		path: string,
		body?: unknown,
		headers?: Record<string, string>
	) {
		return this.request<T>('POST', path, body ?? {}, headers);
	}
	patch<T = Record<string, unknown>>(path: string, body: unknown) {
		return this.request<T>('PATCH', path, body);
	}
	delete<T = Record<string, unknown>>(path: string) {
		return this.request<T>('DELETE', path);
	}

	/** Registers a fresh account and keeps its session; returns the user. */
	async register(email: string, password = 'a sturdy passphrase', name = 'Test User') {
		const response = await this.post<{ user: { id: string; email: string; name: string } }>(
			'/api/v1/auth/register',
			{ email, name, password }
		);
		if (response.status !== 201) {
			throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
		}
		return response.body.user;
	}
}

/** A unique email for a test account. */
export function uniqueEmail(prefix = 'user'): string {
	return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}
