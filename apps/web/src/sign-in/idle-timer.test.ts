import { IDLE_WARNING_LEAD_MS, SIGN_IN_IDLE_TIMEOUT_MS } from "@bridgeway/domain";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ACTIVITY_KEEPALIVE_AFTER_MS,
  formatCountdown,
  IdleTimer,
  KEEPALIVE_THROTTLE_MS,
  SERVER_TOUCH_INTERVAL_MS,
  type SignInDeadlines,
} from "./idle-timer";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A timer whose keep-alive answers like the server: idle expiry a full period from now. */
function setup(deadlines: SignInDeadlines) {
  const onExpire = vi.fn();
  const keepAlive = vi.fn(() => {
    timer.update({ ...deadlines, idleEndsAt: Date.now() + SIGN_IN_IDLE_TIMEOUT_MS });
    return Promise.resolve();
  });
  const timer = new IdleTimer({ keepAlive, onExpire });
  timer.update(deadlines);
  return { timer, onExpire, keepAlive };
}

function freshSignIn(): SignInDeadlines {
  return {
    idleEndsAt: Date.now() + SIGN_IN_IDLE_TIMEOUT_MS,
    absoluteEndsAt: Date.now() + 12 * HOUR,
  };
}

describe("IdleTimer", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-03-02T14:00:00Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("warns two minutes before the idle logoff, and not a moment sooner", () => {
    const { timer } = setup(freshSignIn());
    expect(timer.state.phase).toBe("active");

    vi.advanceTimersByTime(SIGN_IN_IDLE_TIMEOUT_MS - IDLE_WARNING_LEAD_MS - 1);
    expect(timer.state.phase).toBe("active");

    vi.advanceTimersByTime(1);
    expect(timer.state).toEqual({
      phase: "warning",
      limit: "idle",
      endsAt: Date.now() + IDLE_WARNING_LEAD_MS,
    });
  });

  it("signs out when the idle expiry arrives", () => {
    const { timer, onExpire } = setup(freshSignIn());
    vi.advanceTimersByTime(SIGN_IN_IDLE_TIMEOUT_MS - 1);
    expect(onExpire).not.toHaveBeenCalled();

    vi.advanceTimersByTime(1);
    expect(onExpire).toHaveBeenCalledExactlyOnceWith("idle");
    expect(timer.state).toEqual({ phase: "ended", limit: "idle" });
  });

  it("staying signed in clears the warning and starts a full idle period again", async () => {
    const { timer, onExpire, keepAlive } = setup(freshSignIn());
    vi.advanceTimersByTime(SIGN_IN_IDLE_TIMEOUT_MS - MINUTE);
    expect(timer.state.phase).toBe("warning");

    await timer.staySignedIn();
    expect(keepAlive).toHaveBeenCalledTimes(1);
    expect(timer.state.phase).toBe("active");

    // The old expiry passes without a sign-out; the new one is 30 minutes after the keep-alive.
    vi.advanceTimersByTime(2 * MINUTE);
    expect(onExpire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(SIGN_IN_IDLE_TIMEOUT_MS - IDLE_WARNING_LEAD_MS - 2 * MINUTE);
    expect(timer.state.phase).toBe("warning");
  });

  it("does not extend the absolute limit: it warns for it and signs out at it", async () => {
    // Eleven hours and fifty minutes in: ten minutes of the 12-hour lifetime remain.
    const absoluteEndsAt = Date.now() + 10 * MINUTE;
    const { timer, onExpire, keepAlive } = setup({
      idleEndsAt: Date.now() + SIGN_IN_IDLE_TIMEOUT_MS,
      absoluteEndsAt,
    });

    vi.advanceTimersByTime(8 * MINUTE);
    expect(timer.state).toEqual({ phase: "warning", limit: "absolute", endsAt: absoluteEndsAt });

    await timer.staySignedIn();
    expect(keepAlive).not.toHaveBeenCalled();
    expect(timer.state).toMatchObject({ phase: "warning", endsAt: absoluteEndsAt });

    vi.advanceTimersByTime(2 * MINUTE);
    expect(onExpire).toHaveBeenCalledExactlyOnceWith("absolute");
  });

  it("switches to the absolute limit when a keep-alive leaves it as the earlier end", async () => {
    const absoluteEndsAt = Date.now() + SIGN_IN_IDLE_TIMEOUT_MS + MINUTE;
    const { timer } = setup({ idleEndsAt: Date.now() + SIGN_IN_IDLE_TIMEOUT_MS, absoluteEndsAt });
    vi.advanceTimersByTime(SIGN_IN_IDLE_TIMEOUT_MS - MINUTE);
    expect(timer.state).toMatchObject({ phase: "warning", limit: "idle" });

    await timer.staySignedIn();
    expect(timer.state).toEqual({ phase: "warning", limit: "absolute", endsAt: absoluteEndsAt });
  });

  it("sends a keep-alive when someone uses the page and the server last heard from it over five minutes ago", () => {
    const { timer, keepAlive } = setup(freshSignIn());
    vi.advanceTimersByTime(ACTIVITY_KEEPALIVE_AFTER_MS - 1);
    timer.noteUserActivity();
    expect(keepAlive).not.toHaveBeenCalled();

    vi.advanceTimersByTime(1);
    timer.noteUserActivity();
    expect(keepAlive).toHaveBeenCalledTimes(1);
  });

  it("sends at most one activity keep-alive a minute", async () => {
    const keepAlive = vi.fn(() => Promise.resolve());
    const timer = new IdleTimer({ keepAlive, onExpire: vi.fn() });
    timer.update(freshSignIn());
    vi.advanceTimersByTime(10 * MINUTE);

    timer.noteUserActivity();
    timer.noteUserActivity();
    await vi.advanceTimersByTimeAsync(KEEPALIVE_THROTTLE_MS - 1);
    timer.noteUserActivity();
    expect(keepAlive).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(1);
    timer.noteUserActivity();
    expect(keepAlive).toHaveBeenCalledTimes(2);
  });

  it("ignores page activity while the warning shows, so only its buttons decide", () => {
    const { timer, keepAlive } = setup(freshSignIn());
    vi.advanceTimersByTime(SIGN_IN_IDLE_TIMEOUT_MS - MINUTE);
    timer.noteUserActivity();
    expect(keepAlive).not.toHaveBeenCalled();
    expect(timer.state.phase).toBe("warning");
  });

  it("counts a successful request as server activity, allowing for the server's touch interval", () => {
    const { timer } = setup(freshSignIn());
    vi.advanceTimersByTime(20 * MINUTE);
    timer.noteServerActivity();

    expect(timer.state).toMatchObject({
      phase: "active",
      endsAt: Date.now() + SIGN_IN_IDLE_TIMEOUT_MS - SERVER_TOUCH_INTERVAL_MS,
    });
  });

  it("signs out at once when the page wakes after the session has ended", () => {
    const { timer, onExpire } = setup(freshSignIn());
    // A sleeping laptop: the clock moves on but no timer fires.
    vi.setSystemTime(Date.now() + HOUR);
    timer.check();
    expect(onExpire).toHaveBeenCalledExactlyOnceWith("idle");
  });

  it("stops watching once stopped", () => {
    const { timer, onExpire } = setup(freshSignIn());
    timer.stop();
    vi.advanceTimersByTime(HOUR);
    expect(onExpire).not.toHaveBeenCalled();
    expect(timer.state.phase).toBe("stopped");
  });
});

describe("formatCountdown", () => {
  it("shows minutes and seconds, rounded down, never below zero", () => {
    expect(formatCountdown(120_000)).toBe("2:00");
    expect(formatCountdown(119_999)).toBe("1:59");
    expect(formatCountdown(9_500)).toBe("0:09");
    expect(formatCountdown(-5_000)).toBe("0:00");
  });
});
