import { vi } from "vitest";

export type FakeResponse = { status: number; body?: unknown; headers?: Record<string, string> };
/** Answers one request; may return a promise to hold the answer back. */
export type Handler = (request: RecordedRequest) => FakeResponse | Promise<FakeResponse>;
export type RecordedRequest = {
  method: string;
  /** The path with its query string, as requested. */
  path: string;
  /** The path without the query string. */
  pathname: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  init: RequestInit;
};

export const json = (status: number, body: unknown): FakeResponse => ({ status, body });
export const apiError = (
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string>,
): FakeResponse => ({ status, body: { error: { code, message, ...(fields ? { fields } : {}) } } });

/**
 * Replaces `fetch` with a fake API answering from `routes` ("METHOD /path" → handler or fixed
 * answer). A route with a query string matches only that query; one without matches any query.
 * Unknown routes answer 404 like the real API. Returns the requests it saw.
 */
export function stubApi(routes: Record<string, Handler | FakeResponse>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const path =
      typeof input === "string" ? input : input instanceof URL ? input.pathname : input.url;
    const method = (init.method ?? "GET").toUpperCase();
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body: unknown = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    const [pathname = path, search = ""] = path.split("?", 2);
    const request = {
      method,
      path,
      pathname,
      query: new URLSearchParams(search),
      headers,
      body,
      init,
    };
    requests.push(request);
    const route = routes[`${method} ${path}`] ?? routes[`${method} ${pathname}`];
    const answer: FakeResponse =
      route === undefined
        ? apiError(404, "not_found", "No such endpoint.")
        : typeof route === "function"
          ? await route(request)
          : route;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { "content-type": "application/json", ...answer.headers },
    });
  });
  vi.stubGlobal("fetch", fetchMock);
  return { requests, fetchMock };
}
