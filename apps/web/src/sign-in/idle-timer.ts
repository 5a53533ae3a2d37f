import {
  IDLE_WARNING_LEAD_MS,
  SIGN_IN_IDLE_TIMEOUT_MS,
  SIGN_IN_TOUCH_INTERVAL_MS,
} from "@bridgeway/domain";

/**
 * The server refreshes a sign-in's last activity at most this often, so after a successful
 * request its idle expiry is at least this much later than the request.
 */
export const SERVER_TOUCH_INTERVAL_MS = SIGN_IN_TOUCH_INTERVAL_MS;

/** Activity on the page is reported to the server once the last server touch is this old. */
export const ACTIVITY_KEEPALIVE_AFTER_MS = 5 * 60 * 1000;

/** Activity keep-alives are sent at most this often, whatever happens on the page. */
export const KEEPALIVE_THROTTLE_MS = 60_000;

/** When the sign-in ends, on the local clock (milliseconds since the epoch). */
export type SignInDeadlines = { idleEndsAt: number; absoluteEndsAt: number };

/** Which limit ends the session: inactivity (extendable) or the absolute lifetime (not). */
export type SignInLimit = "idle" | "absolute";

export type IdleState =
  | { phase: "stopped" }
  | { phase: "active"; endsAt: number; limit: SignInLimit }
  | { phase: "warning"; endsAt: number; limit: SignInLimit }
  | { phase: "ended"; limit: SignInLimit };

export type IdleTimerOptions = {
  /** Asks the server to record activity; resolves once `update` has the new deadlines. */
  keepAlive: () => Promise<void>;
  /** The sign-in has reached its end on this clock. */
  onExpire: (limit: SignInLimit) => void;
  onChange?: (state: IdleState) => void;
  /** Something went wrong with a keep-alive sent because of page activity. */
  onKeepAliveError?: (error: unknown) => void;
  now?: () => number;
  warningLeadMs?: number;
};

/**
 * Follows the sign-in's idle and absolute expiry from the latest answers of the API, warns
 * `warningLeadMs` before the earlier of the two, and reports expiry. Plain TypeScript so the
 * timing can be tested with fake timers.
 */
export class IdleTimer {
  private deadlines: SignInDeadlines | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private current: IdleState = { phase: "stopped" };
  private keepAliveInFlight: Promise<void> | null = null;
  private lastActivityKeepAlive = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;
  private readonly warningLeadMs: number;

  constructor(private readonly options: IdleTimerOptions) {
    this.now = options.now ?? (() => Date.now());
    this.warningLeadMs = options.warningLeadMs ?? IDLE_WARNING_LEAD_MS;
  }

  get state(): IdleState {
    return this.current;
  }

  /** New deadlines from an AuthState (sign-in, `/me`, keep-alive): they replace the old ones. */
  update(deadlines: SignInDeadlines): void {
    this.deadlines = { ...deadlines };
    this.evaluate();
  }

  /**
   * A request succeeded at `at`: the server counted it as activity, so the idle expiry is at
   * least a full idle period (less the server's touch interval) after it.
   */
  noteServerActivity(at: number = this.now()): void {
    if (!this.deadlines) return;
    const earliest = at + SIGN_IN_IDLE_TIMEOUT_MS - SERVER_TOUCH_INTERVAL_MS;
    if (earliest <= this.deadlines.idleEndsAt) return;
    this.deadlines = { ...this.deadlines, idleEndsAt: earliest };
    this.evaluate();
  }

  /**
   * Someone is using the page (pointer or keyboard). If the server has not heard from this
   * sign-in for a while, tell it, so a person reading or typing is not signed out. While the
   * warning shows, only its buttons count: a key press there must not dismiss it silently.
   */
  noteUserActivity(): void {
    const deadlines = this.deadlines;
    if (!deadlines || this.current.phase !== "active" || this.current.limit === "absolute") return;
    const now = this.now();
    const lastServerTouch = deadlines.idleEndsAt - SIGN_IN_IDLE_TIMEOUT_MS;
    if (now - lastServerTouch < ACTIVITY_KEEPALIVE_AFTER_MS) return;
    if (this.keepAliveInFlight || now - this.lastActivityKeepAlive < KEEPALIVE_THROTTLE_MS) return;
    this.lastActivityKeepAlive = now;
    this.staySignedIn().catch((error: unknown) => this.options.onKeepAliveError?.(error));
  }

  /**
   * The person asked to stay signed in. Does nothing when only the absolute limit is left to
   * reach, because that limit cannot be extended.
   */
  staySignedIn(): Promise<void> {
    if (!this.deadlines || this.current.phase === "ended") return Promise.resolve();
    if (this.deadlines.absoluteEndsAt <= this.deadlines.idleEndsAt) return Promise.resolve();
    this.keepAliveInFlight ??= this.options.keepAlive().finally(() => {
      this.keepAliveInFlight = null;
    });
    return this.keepAliveInFlight;
  }

  /** Re-reads the clock: call when the page becomes visible again after sleeping. */
  check(): void {
    if (this.deadlines) this.evaluate();
  }

  stop(): void {
    this.clearTimer();
    this.deadlines = null;
    this.setState({ phase: "stopped" });
  }

  private evaluate(): void {
    const deadlines = this.deadlines;
    if (!deadlines) return;
    this.clearTimer();
    const limit: SignInLimit =
      deadlines.absoluteEndsAt <= deadlines.idleEndsAt ? "absolute" : "idle";
    const endsAt = Math.min(deadlines.idleEndsAt, deadlines.absoluteEndsAt);
    const now = this.now();
    if (now >= endsAt) {
      this.deadlines = null;
      this.setState({ phase: "ended", limit });
      this.options.onExpire(limit);
      return;
    }
    const warnAt = endsAt - this.warningLeadMs;
    if (now >= warnAt) {
      this.setState({ phase: "warning", endsAt, limit });
      this.schedule(endsAt - now);
    } else {
      this.setState({ phase: "active", endsAt, limit });
      this.schedule(warnAt - now);
    }
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.evaluate();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private setState(next: IdleState): void {
    if (stateKey(this.current) === stateKey(next)) return;
    this.current = next;
    this.options.onChange?.(next);
  }
}

function stateKey(state: IdleState): string {
  switch (state.phase) {
    case "stopped":
      return "stopped";
    case "ended":
      return `ended:${state.limit}`;
    case "active":
    case "warning":
      return `${state.phase}:${state.limit}:${state.endsAt}`;
  }
}

/** "1:59" for the time left, rounded down to the second and never below 0:00. */
export function formatCountdown(remainingMs: number): string {
  const total = Math.max(0, Math.floor(remainingMs / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}
