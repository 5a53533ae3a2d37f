import type { TFunction } from "i18next";
import type { ChatTyping } from "@bridgeway/domain";

/** While someone keeps typing, they say so again this often. */
export const TYPING_REFRESH_MS = 3_000;
/** Without a keystroke for this long, they have stopped. */
export const TYPING_IDLE_MS = 5_000;
/** Someone we have not heard from for this long is no longer typing (a lost "stopped"). */
export const TYPING_EXPIRY_MS = 7_000;

/**
 * Tells the room that I am typing, throttled: once when I start, again every few seconds while
 * I go on, and "stopped" when I send, clear the box, or pause.
 */
export class TypingSignal {
  private typing = false;
  private lastSentAt = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly emit: (typing: boolean) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The compose box changed to `text`. */
  input(text: string): void {
    if (text.trim() === "") {
      this.stop();
      return;
    }
    const now = this.now();
    if (!this.typing || now - this.lastSentAt >= TYPING_REFRESH_MS) {
      this.typing = true;
      this.lastSentAt = now;
      this.emit(true);
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), TYPING_IDLE_MS);
  }

  /** Sent, cleared, paused or left: no longer typing. */
  stop(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (!this.typing) return;
    this.typing = false;
    this.emit(false);
  }
}

type Typist = { userId: string; displayName: string; until: number };

/** Who else in the room is typing, from their `chat:typing` events. */
export class TypingRoster {
  private typists: Typist[] = [];

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Applies an event; answers whether the roster changed. */
  apply(event: ChatTyping): boolean {
    const before = this.names().join("\n");
    this.typists = this.typists.filter((t) => t.userId !== event.userId);
    if (event.typing) {
      this.typists.push({
        userId: event.userId,
        displayName: event.displayName,
        until: this.now() + TYPING_EXPIRY_MS,
      });
    }
    return before !== this.names().join("\n");
  }

  /** Someone's message arrived: they have stopped typing it. */
  remove(userId: string): boolean {
    const before = this.typists.length;
    this.typists = this.typists.filter((t) => t.userId !== userId);
    return before !== this.typists.length;
  }

  /** Forgets anyone not heard from in time; answers whether that changed anything. */
  expire(): boolean {
    const now = this.now();
    const before = this.typists.length;
    this.typists = this.typists.filter((t) => t.until > now);
    return before !== this.typists.length;
  }

  /** Names in the order they started typing. */
  names(): string[] {
    const now = this.now();
    return this.typists.filter((t) => t.until > now).map((t) => t.displayName);
  }

  clear(): void {
    this.typists = [];
  }
}

/** "Sam L. is typing…", "Sam L. and Riley K. are typing…", "3 people are typing…", or "". */
export function typingText(names: readonly string[], t: TFunction<"chat">): string {
  const [first, second] = names;
  if (first === undefined) return "";
  if (second === undefined) return t("typing.one", { first });
  if (names.length === 2) return t("typing.two", { first, second });
  return t("typing.many", { count: names.length });
}
