import type { ForumReportDto } from "@bridgeway/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link } from "react-router";
import { describeError } from "../api/api-client";
import { formatMoment } from "../format/session-time";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../sign-in/auth-context";
import { EmptyState } from "../shell/status-states";
import { AuthorName } from "./forum-parts";
import { refreshForums, useForumReports, useForumsApi } from "./use-forums";

function ReportItem({
  report,
  onNotice,
}: {
  report: ForumReportDto;
  onNotice: (message: string) => void;
}) {
  const forumsApi = useForumsApi();
  const queryClient = useQueryClient();
  const { user } = useSignedIn();
  const headingId = useId();
  const [error, setError] = useState<string | null>(null);
  const { post } = report;
  const ref = post.replyId
    ? ({ kind: "reply", id: post.replyId } as const)
    : ({ kind: "thread", id: post.threadId } as const);
  const act = useMutation({
    mutationFn: (action: "hide" | "dismiss") =>
      action === "hide" ? forumsApi.setHidden(ref, true) : forumsApi.dismissReport(report.id),
    onSuccess: async (_done, action) => {
      setError(null);
      await refreshForums(queryClient, user.id);
      onNotice(
        action === "hide"
          ? "The post is hidden from the board's members; its reports are settled."
          : "Report dismissed. The post stays as it is.",
      );
    },
    onError: async (e) => {
      setError(`${describeError(e)} The list was refreshed: check the report and try again.`);
      await refreshForums(queryClient, user.id);
    },
  });
  return (
    <li>
      <article className="forum-report" aria-labelledby={headingId}>
        <h3 id={headingId} className="forum-report__title">
          {post.replyId ? "Reply in " : "Thread "}
          <Link to={`/forums/threads/${post.threadId}`}>{post.threadTitle}</Link>
        </h3>
        <p className="forum-post__meta">
          <span>Written by</span> <AuthorName author={post.author} />
          <span>In {report.board.title}</span>
          {post.status === "hidden" && (
            <span className="badge badge--warning">Hidden by a moderator</span>
          )}
          {post.status === "deleted" && (
            <span className="badge badge--warning">Deleted by its author</span>
          )}
        </p>
        <div
          className="prose forum-report__post"
          // Rendered on the server from markdown with raw HTML off (see thread-page PostBody).
          dangerouslySetInnerHTML={{ __html: post.bodyHtml }}
        />
        <dl className="forum-report__facts">
          <dt>Reported by</dt>
          <dd>{report.reporter.displayName}</dd>
          <dt>When</dt>
          <dd>
            <time dateTime={report.createdAt}>{formatMoment(report.createdAt, user.timeZone)}</time>
          </dd>
          <dt>Reason</dt>
          <dd>{report.reason ?? <span className="muted">No reason given</span>}</dd>
        </dl>
        <div className="actions">
          {post.status === "visible" && (
            <button
              type="button"
              className="button button--small"
              disabled={act.isPending}
              onClick={() => act.mutate("hide")}
            >
              Hide post
            </button>
          )}
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={act.isPending}
            onClick={() => act.mutate("dismiss")}
          >
            Dismiss report
          </button>
        </div>
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
      </article>
    </li>
  );
}

/** Moderators' list of open reports on their boards: hide the post, or dismiss the report. */
export function ReportsSection() {
  const reports = useForumReports(true);
  const headingId = useId();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby={headingId} className="forum-section">
      <h2 id={headingId} className="section-title">
        Reports to review
      </h2>
      <div className="status-slot" role="status">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <QueryView
        query={reports}
        loadingLabel="Loading reports…"
        errorTitle="We couldn't load the reports"
      >
        {(list) =>
          list.length === 0 ? (
            <EmptyState title="No reports to review.">
              <p>When someone reports a post on a board you moderate, it appears here.</p>
            </EmptyState>
          ) : (
            <ul className="forum-reports">
              {list.map((report) => (
                <ReportItem key={report.id} report={report} onNotice={setNotice} />
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}
