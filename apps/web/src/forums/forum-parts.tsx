import {
  HIDDEN_POST_TEXT,
  type BoardKind,
  type PostAuthor,
  type ThreadSummary,
} from "@bridgeway/domain";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CrisisSupportPanel } from "../alerts/crisis-support-panel";
import { useRealtime } from "../chat/use-realtime";
import { formatChatTime } from "../chat/chat-format";
import { useFormat } from "../i18n/use-format";
import { useSignedIn } from "../sign-in/auth-context";

/**
 * A board's title in the reader's language. The server names boards in English from the cohort's
 * or program's name ("Evening track board", "Family board"); the name itself stays as it is.
 */
export function boardTitle(
  board: { kind: BoardKind; title: string },
  t: TFunction<"forums">,
): string {
  const { kind, title } = board;
  const named = (suffix: string) =>
    title.endsWith(suffix) && title.length > suffix.length ? title.slice(0, -suffix.length) : null;
  if (kind === "family") {
    if (title === "Family board") return t("boardTitle.family");
    const name = named(" family board");
    return name === null ? title : t("boardTitle.cohortFamily", { name });
  }
  const name = named(kind === "announcements" ? " announcements" : " board");
  if (name === null) return title;
  return kind === "announcements"
    ? t("boardTitle.announcements", { name })
    : t("boardTitle.cohort", { name });
}

/** A thread's title, or what stands in for it when a moderator hid the thread. */
export function threadTitle(title: string, t: TFunction<"forums">): string {
  return title === HIDDEN_POST_TEXT ? t("hiddenByModerator") : title;
}

/**
 * Participants' forum pages keep the shared socket open, so that if what they post holds
 * crisis language the server's 988 and safety-plan support reaches them here.
 */
function ParticipantCrisisSupport() {
  useRealtime();
  return <CrisisSupportPanel />;
}

export function ForumCrisisSupport() {
  const { user } = useSignedIn();
  return user.role === "PARTICIPANT" ? <ParticipantCrisisSupport /> : null;
}

export function AuthorName({ author }: { author: PostAuthor }) {
  const { t } = useTranslation("forums");
  return (
    <>
      <span className="forum-author" translate="no">
        {author.displayName}
      </span>
      {author.staff && <span className="badge badge--info forum-staff">{t("facilitator")}</span>}
    </>
  );
}

/** Threads as a list: title (a link), pinned and locked marks, excerpt, who and when. */
export function ThreadList({
  threads,
  now,
  timeZone,
  showBoard = false,
}: {
  threads: readonly ThreadSummary[];
  now: Date;
  timeZone: string;
  showBoard?: boolean;
}) {
  const { t } = useTranslation("forums");
  const { locale } = useFormat();
  return (
    <ul className="thread-list">
      {threads.map((thread) => (
        <li
          key={thread.id}
          className={thread.pinned ? "thread-item thread-item--pinned" : "thread-item"}
        >
          <h3 className="thread-item__title">
            <Link to={`/forums/threads/${thread.id}`}>{threadTitle(thread.title, t)}</Link>
            {thread.pinned && <span className="badge badge--info">{t("pinned")}</span>}
            {thread.locked && <span className="badge badge--ok">{t("locked")}</span>}
            {thread.status === "deleted" && (
              <span className="badge badge--warning">{t("deletedByAuthor")}</span>
            )}
            {/* Members see the title replaced; moderators see it, marked. */}
            {thread.status === "hidden" && thread.title !== HIDDEN_POST_TEXT && (
              <span className="badge badge--warning">{t("hidden")}</span>
            )}
          </h3>
          {thread.excerpt !== "" && <p className="thread-item__excerpt">{thread.excerpt}</p>}
          <p className="thread-item__meta">
            <AuthorName author={thread.author} />
            <span>{t("replyCount", { count: thread.replyCount })}</span>
            <span>
              {t("lastActivity", {
                time: formatChatTime(thread.lastActivityAt, now, timeZone, locale),
              })}
            </span>
            {showBoard && <span>{t("inBoard", { board: boardTitle(thread.board, t) })}</span>}
          </p>
        </li>
      ))}
    </ul>
  );
}
