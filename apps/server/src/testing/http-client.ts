import { CSRF_HEADER, type AuthState } from "@bridgeway/domain";

export type TestResponse<T = unknown> = {
  status: number;
  headers: Headers;
  body: T;
  setCookies: string[];
};

/**
 * A browser-like HTTP client for integration tests: keeps the session cookie, sends the CSRF
 * token it was given on writes, and sends a same-origin Origin header like a browser would.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request<T = unknown>(
    method: string,
    path: string,
    options: {
      json?: unknown;
      rawBody?: string;
      headers?: Record<string, string>;
      csrf?: boolean;
    } = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { origin: this.baseUrl, ...options.headers };
    const cookie = this.cookieHeader();
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (options.json !== undefined) {
      headers["content-type"] ??= "application/json";
      body = JSON.stringify(options.json);
    } else if (options.rawBody !== undefined) {
      body = options.rawBody;
    }
    const unsafe = !["GET", "HEAD", "OPTIONS"].includes(method);
    if (unsafe && options.csrf !== false && this.csrfToken) headers[CSRF_HEADER] ??= this.csrfToken;
    const res = await fetch(new URL(path, this.baseUrl), { method, headers, body });
    const setCookies = res.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair] = line.split(";");
      const [name, ...rest] = (pair ?? "").split("=");
      if (!name) continue;
      const value = rest.join("=");
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    if (res.headers.get("content-type")?.includes("application/json") && text) {
      parsed = JSON.parse(text);
    }
    return { status: res.status, headers: res.headers, body: parsed as T, setCookies };
  }

  get<T = unknown>(path: string, headers?: Record<string, string>) {
    return this.request<T>("GET", path, headers ? { headers } : {});
  }

  post<T = unknown>(path: string, json?: unknown, headers?: Record<string, string>) {
    return this.request<T>("POST", path, {
      ...(json === undefined ? {} : { json }),
      ...(headers ? { headers } : {}),
    });
  }

  async login(email: string, password: string): Promise<TestResponse<AuthState>> {
    const res = await this.post<AuthState>("/api/auth/login", { email, password });
    if (res.status === 200) this.csrfToken = res.body.csrfToken;
    return res;
  }
}

/** Signs in and fails loudly if that does not work. */
export async function signedInClient(
  baseUrl: string,
  email: string,
  password: string,
): Promise<TestClient> {
  const client = new TestClient(baseUrl);
  const res = await client.login(email, password);
  if (res.status !== 200) throw new Error(`sign-in as ${email} answered ${res.status}`);
  return client;
}
