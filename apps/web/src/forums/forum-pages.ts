import type { ForumReply, ThreadDetail, ThreadSummary } from "@bridgeway/domain";
import type { TFunction } from "i18next";

/** Threads of all loaded pages, each once, pinned ones first (in the server's order otherwise). */
export function threadsOfPages(
  pages: readonly { threads: readonly ThreadSummary[] }[],
): ThreadSummary[] {
  const seen = new Set<string>();
  const all: ThreadSummary[] = [];
  for (const page of pages) {
    for (const thread of page.threads) {
      if (seen.has(thread.id)) continue;
      seen.add(thread.id);
      all.push(thread);
    }
  }
  return [...all.filter((t) => t.pinned), ...all.filter((t) => !t.pinned)];
}

/** The replies of all loaded pages of a thread, each once, oldest first. */
export function repliesOfPages(pages: readonly Pick<ThreadDetail, "replies">[]): ForumReply[] {
  const seen = new Set<string>();
  return pages.flatMap((page) =>
    page.replies.filter((reply) => {
      if (seen.has(reply.id)) return false;
      seen.add(reply.id);
      return true;
    }),
  );
}

/** Whether the viewer may reply, and if not, why, in words. */
export function replyAllowance(
  thread: Pick<ThreadDetail, "locked" | "canReply" | "canModerate" | "board">,
  t: TFunction<"forums">,
): { allowed: true; note: string | null } | { allowed: false; reason: string } {
  if (thread.board.kind === "announcements" && !thread.canModerate) {
    return { allowed: false, reason: t("thread.onlyFacilitatorsAnnouncements") };
  }
  if (thread.locked && !thread.canModerate) {
    return { allowed: false, reason: t("thread.lockedNoReplies") };
  }
  if (!thread.canReply) return { allowed: false, reason: t("thread.cannotReply") };
  return {
    allowed: true,
    note: thread.locked ? t("thread.lockedStaffNote") : null,
  };
}
