import type { PostAuthor, ThreadSummary } from "@bridgeway/domain";
import { Link } from "react-router";
import { CrisisSupportPanel } from "../alerts/crisis-support-panel";
import { useRealtime } from "../chat/use-realtime";
import { formatChatTime } from "../chat/chat-format";
import { plural } from "../format/format";
import { useSignedIn } from "../session/auth-context";

/** The short markdown hint under every post box. */
export const MARKDOWN_HINT =
  "Formatting: **bold**, _italic_, a line starting with - for a list, [text](https://link).";

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
  return (
    <>
      <span className="forum-author">{author.displayName}</span>
      {author.staff && <span className="badge badge--info forum-staff">Facilitator</span>}
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
  return (
    <ul className="thread-list">
      {threads.map((thread) => (
        <li
          key={thread.id}
          className={thread.pinned ? "thread-item thread-item--pinned" : "thread-item"}
        >
          <h3 className="thread-item__title">
            <Link to={`/forums/threads/${thread.id}`}>{thread.title}</Link>
            {thread.pinned && <span className="badge badge--info">Pinned</span>}
            {thread.locked && <span className="badge badge--ok">Locked</span>}
          </h3>
          {thread.excerpt !== "" && <p className="thread-item__excerpt">{thread.excerpt}</p>}
          <p className="thread-item__meta">
            <AuthorName author={thread.author} />
            <span>{plural(thread.replyCount, "reply", "replies")}</span>
            <span>Last activity {formatChatTime(thread.lastActivityAt, now, timeZone)}</span>
            {showBoard && <span>In {thread.board.title}</span>}
          </p>
        </li>
      ))}
    </ul>
  );
}
