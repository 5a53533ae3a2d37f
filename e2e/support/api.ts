import { expect, type APIRequestContext } from "@playwright/test";
import { BASE_URL, DEMO_PASSWORD } from "./environment";

/** The header the web app echoes its sign-in's CSRF token in (CSRF_HEADER in the domain). */
const CSRF_HEADER = "x-csrf-token";

export type Reply = { status: number; body: unknown };

/**
 * The API as the web app calls it, over one request context (a browser context's, sharing its
 * cookies, or one of its own from `apiSignedIn`): the sign-in cookie, the sign-in's CSRF token
 * echoed in a header on writes, and the app's own origin.
 */
export class Api {
  private csrfToken: string | null = null;

  constructor(
    private readonly request: APIRequestContext,
    private readonly origin = BASE_URL,
  ) {}

  /** Signs in with email and password, as the sign-in form does. */
  async signIn(email: string, password = DEMO_PASSWORD): Promise<void> {
    const res = await this.request.post("/api/auth/login", {
      headers: { origin: this.origin },
      data: { email, password },
    });
    expect(res.status(), `sign in as ${email}`).toBe(200);
    this.csrfToken = ((await res.json()) as { csrfToken: string }).csrfToken;
  }

  /** A read that must succeed; answers its body. */
  async get<T>(path: string): Promise<T> {
    const res = await this.request.get(path);
    expect(res.status(), `GET ${path}`).toBe(200);
    return (await res.json()) as T;
  }

  async write(method: "POST" | "PUT" | "PATCH", path: string, data?: unknown): Promise<Reply> {
    if (this.csrfToken === null) {
      const me = await this.get<{ csrfToken: string }>("/api/auth/me");
      this.csrfToken = me.csrfToken;
    }
    const res = await this.request.fetch(path, {
      method,
      headers: { [CSRF_HEADER]: this.csrfToken, origin: this.origin },
      ...(data === undefined ? {} : { data }),
    });
    const text = await res.text();
    return { status: res.status(), body: text ? (JSON.parse(text) as unknown) : null };
  }

  /** A write that must succeed with `status`; answers its body. */
  async created<T>(path: string, data: unknown, status = 201): Promise<T> {
    const reply = await this.write("POST", path, data);
    expect(reply.status, `POST ${path}: ${JSON.stringify(reply.body)}`).toBe(status);
    return reply.body as T;
  }
}

/**
 * `email` signed in on a request context of its own, outside any page; `dispose` closes it.
 */
export async function apiSignedIn(
  request: { newContext(options: { baseURL: string }): Promise<APIRequestContext> },
  baseURL: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<{ api: Api; dispose: () => Promise<void> }> {
  const context = await request.newContext({ baseURL });
  const api = new Api(context, new URL(baseURL).origin);
  await api.signIn(email, password);
  return { api, dispose: () => context.dispose() };
}
