import { describe, expect, it } from "vitest";
import { createReauthPrompt } from "./reauth-prompt";

describe("reauth prompt", () => {
  it("asks once for requests that need it together, and tells each the answer", async () => {
    const prompt = createReauthPrompt();
    let changes = 0;
    prompt.subscribe(() => (changes += 1));
    const first = prompt.ask();
    const second = prompt.ask();
    expect(prompt.isOpen()).toBe(true);
    prompt.answer(true);
    await expect(first).resolves.toBe(true);
    await expect(second).resolves.toBe(true);
    expect(prompt.isOpen()).toBe(false);
    expect(changes).toBe(2);
  });

  it("says no when the person cancels, and asks afresh next time", async () => {
    const prompt = createReauthPrompt();
    const cancelled = prompt.ask();
    prompt.answer(false);
    await expect(cancelled).resolves.toBe(false);
    const next = prompt.ask();
    expect(prompt.isOpen()).toBe(true);
    prompt.answer(true);
    await expect(next).resolves.toBe(true);
  });
});
