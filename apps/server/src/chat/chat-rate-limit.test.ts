import { describe, expect, it } from "vitest";
import { ManualClock } from "../testing/manual-clock";
import { createChatRateLimiter } from "./chat-rate-limit";

const limits = { burstMessages: 3, messagesPerSecond: 1, burstBytes: 100, bytesPerSecond: 10 };

describe("chat rate limiter", () => {
  it("allows a burst, then refuses until time refills the bucket", () => {
    const clock = new ManualClock();
    const limiter = createChatRateLimiter(clock, limits);
    expect([1, 2, 3, 4].map(() => limiter.take("a", 1))).toEqual([true, true, true, false]);
    clock.advance(999);
    expect(limiter.take("a", 1)).toBe(false);
    clock.advance(1);
    expect(limiter.take("a", 1)).toBe(true);
    expect(limiter.take("a", 1)).toBe(false);
  });

  it("refuses long messages once the byte budget is spent, taking nothing for a refusal", () => {
    const clock = new ManualClock();
    const limiter = createChatRateLimiter(clock, limits);
    expect(limiter.take("a", 80)).toBe(true);
    expect(limiter.take("a", 30)).toBe(false);
    expect(limiter.take("a", 20)).toBe(true);
    expect(limiter.take("a", 1)).toBe(false);
  });

  it("keeps each person's budget separate", () => {
    const clock = new ManualClock();
    const limiter = createChatRateLimiter(clock, limits);
    for (let i = 0; i < 3; i += 1) limiter.take("flooder", 1);
    expect(limiter.take("flooder", 1)).toBe(false);
    expect(limiter.take("someone else", 1)).toBe(true);
  });
});
