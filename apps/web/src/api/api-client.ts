import {
  DEFAULT_LOCALE,
  type Locale,
  API_ERROR_CODES,
  ApiErrorBodySchema,
  BACKGROUND_REQUEST_HEADER,
  CSRF_HEADER,
  type ApiErrorCode,
} from "@bridgeway/domain";
import type { z } from "zod";
import { activeLocale, i18n } from "../i18n/i18n";
import type { shell } from "../i18n/locales/en/shell";

export const NETWORK_ERROR_MESSAGE = "Can't reach Bridgeway. Check your connection and try again.";
const UNEXPECTED_ANSWER_MESSAGE =
  "Bridgeway sent an answer this page could not read. Reload the page and try again.";

/** A request gives up after this long, so a dead connection shows an error instead of a spinner. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** The API answered with an error body (or with something that is not one). */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    /** Field name → what is wrong with it, for inline form errors. */
    readonly fields: Readonly<Record<string, string>> = {},
    /** From Retry-After, when the API asks the client to wait (rate limits). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** The request never got an answer: offline, DNS, server down, or timed out. */
export class NetworkError extends Error {
  override name = "NetworkError";
  constructor(options?: { cause?: unknown }) {
    super(NETWORK_ERROR_MESSAGE, options);
  }
}

export type ClientError = ApiError | NetworkError;

/** What the client learned from a successful answer, for the idle timer. */
export type ResponseInfo = {
  /** Local clock time the answer arrived. */
  receivedAt: number;
  /**
   * The server counted the request as activity: writes do; the page's own reads do not (a page
   * left open must not keep an idle sign-in alive), so they are sent as background requests.
   */
  activity: boolean;
  /** Server clock minus local clock, estimated from the Date header; 0 when unknown. */
  serverOffsetMs: number;
};

export type ApiClientOptions = {
  /** The CSRF token of the current sign-in, sent on every write. */
  getCsrfToken: () => string | undefined;
  /** Every successful answer, saying whether the server counted it as activity. */
  onSuccess?: (info: ResponseInfo) => void;
  /** A request was refused because the sign-in has ended or never existed. */
  onSignInEnded?: (error: ApiError) => void;
  /**
   * A sensitive action needs the person to confirm who they are (password or code): resolves
   * true once they did, and the request is sent once more; false when they chose not to.
   */
  onReauthenticationRequired?: () => Promise<boolean>;
  now?: () => number;
};

type WriteMethod = "POST" | "PUT" | "PATCH" | "DELETE";
type Method = "GET" | WriteMethod;

type RequestOptions = { body?: unknown; signal?: AbortSignal; retried?: boolean };

const KNOWN_CODES: ReadonlySet<string> = new Set(API_ERROR_CODES);

function codeForStatus(status: number): ApiErrorCode {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 413) return "payload_too_large";
  if (status === 429) return "rate_limited";
  if (status === 502 || status === 503 || status === 504) return "service_unavailable";
  if (status >= 400 && status < 500) return "invalid_input";
  return "internal";
}

function retryAfter(response: Response): number | undefined {
  const value = response.headers.get("retry-after");
  if (value === null) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** Turns a non-2xx answer into an ApiError, trusting the body only when it has our shape. */
async function errorFrom(response: Response): Promise<ApiError> {
  const parsed = ApiErrorBodySchema.safeParse(await readJson(response));
  if (parsed.success && KNOWN_CODES.has(parsed.data.error.code)) {
    const { code, message, fields } = parsed.data.error;
    return new ApiError(response.status, code, message, fields, retryAfter(response));
  }
  // A proxy's HTML error page or an empty answer: say what we can from the status alone.
  const code = codeForStatus(response.status);
  const message =
    code === "service_unavailable"
      ? "Bridgeway is not available right now. Try again in a few minutes."
      : "Something went wrong. Try again.";
  return new ApiError(response.status, code, message, {}, retryAfter(response));
}

function serverOffset(response: Response, receivedAt: number): number {
  const header = response.headers.get("date");
  const serverTime = header === null ? Number.NaN : Date.parse(header);
  // The Date header is truncated to the second: its midpoint is the best estimate.
  return Number.isNaN(serverTime) ? 0 : serverTime + 500 - receivedAt;
}

/** Combines a caller's abort signal (React Query cancelling) with our own timeout. */
function withTimeout(signal: AbortSignal | undefined): {
  signal: AbortSignal;
  timedOut: () => boolean;
  done: () => void;
} {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort();
  }, REQUEST_TIMEOUT_MS);
  const forward = () => controller.abort(signal?.reason);
  if (signal?.aborted) forward();
  else signal?.addEventListener("abort", forward, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => expired,
    done: () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", forward);
    },
  };
}

/**
 * The one way the web app talks to the API: same-origin JSON with the sign-in cookie, the CSRF
 * header on writes, typed errors, and validated answers.
 */
export function createApiClient(options: ApiClientOptions) {
  const now = options.now ?? (() => Date.now());

  async function send(method: Method, path: string, request: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (request.body !== undefined) headers["content-type"] = "application/json";
    if (method === "GET") {
      headers[BACKGROUND_REQUEST_HEADER] = "1";
    } else {
      const token = options.getCsrfToken();
      if (token !== undefined) headers[CSRF_HEADER] = token;
    }
    const timeout = withTimeout(request.signal);
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        credentials: "same-origin",
        cache: "no-store",
        signal: timeout.signal,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
    } catch (error) {
      // A cancellation asked for by the caller is not a connection problem: let it through.
      if (request.signal?.aborted && !timeout.timedOut()) throw error;
      throw new NetworkError({ cause: error });
    } finally {
      timeout.done();
    }
    if (!response.ok) {
      const error = await errorFrom(response);
      if (
        error.status === 401 &&
        (error.code === "session_expired" || error.code === "unauthenticated")
      )
        options.onSignInEnded?.(error);
      if (
        error.code === "reauthentication_required" &&
        !request.retried &&
        options.onReauthenticationRequired &&
        (await options.onReauthenticationRequired())
      ) {
        return send(method, path, { ...request, retried: true });
      }
      throw error;
    }
    const receivedAt = now();
    options.onSuccess?.({
      receivedAt,
      activity: method !== "GET",
      serverOffsetMs: serverOffset(response, receivedAt),
    });
    return response;
  }

  async function parse<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
    const result = schema.safeParse(await readJson(response));
    if (!result.success) throw new ApiError(response.status, "internal", UNEXPECTED_ANSWER_MESSAGE);
    return result.data;
  }

  return {
    /** GET `path` and validate the answer with `schema`. */
    async get<T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
      return parse(await send("GET", path, { signal }), schema);
    },
    /** A write whose answer is validated with `schema`. */
    async write<T>(
      method: WriteMethod,
      path: string,
      body: unknown,
      schema: z.ZodType<T>,
    ): Promise<T> {
      return parse(await send(method, path, { body }), schema);
    },
    /** A write that answers 204 No Content. */
    async writeNoContent(method: WriteMethod, path: string, body?: unknown): Promise<void> {
      await send(method, path, { body });
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** What to tell a person about an error from the client, in one sentence or two. */
export function describeError(error: unknown, locale: Locale = activeLocale()): string {
  // The server words its messages in English; in another language, say what the code means.
  if (locale !== DEFAULT_LOCALE) {
    return i18n.t(`errors.${errorMessageKey(error)}`, { ns: "shell", lng: locale });
  }
  if (error instanceof NetworkError || error instanceof ApiError) return error.message;
  return "Something went wrong. Try again.";
}

function errorMessageKey(error: unknown): keyof typeof shell.errors {
  if (error instanceof NetworkError) return "network";
  if (!(error instanceof ApiError)) return "generic";
  switch (error.code) {
    case "invalid_input":
    case "invalid_json":
    case "payload_too_large":
      return "invalidInput";
    case "unauthenticated":
    case "session_expired":
    case "mfa_required":
    case "mfa_enrolment_required":
    case "reauthentication_required":
    case "csrf_failed":
      return "signInAgain";
    case "invalid_credentials":
    case "forbidden":
      return "forbidden";
    case "not_found":
      return "notFound";
    case "conflict":
      return "conflict";
    case "rate_limited":
      return "rateLimited";
    case "service_unavailable":
      return "unavailable";
    case "unsupported_media_type":
    case "internal":
      return "generic";
  }
}
