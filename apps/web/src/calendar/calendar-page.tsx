import type { CalendarFeed } from "@bridgeway/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { describeError } from "../api/api-client";
import { QUERY_KEYS } from "../api/query-keys";
import { useServices } from "../app/services-context";
import { formatMoment } from "../format/session-time";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../session/auth-context";
import { PageHeading } from "../shell/page-heading";

type Confirming = "replace" | "turn-off" | null;
type CopyResult = "copied" | "unavailable" | null;

/** A question asked in the page, not in a pop-up: it takes focus so it is heard at once. */
function ConfirmPanel({
  title,
  children,
  confirmLabel,
  cancelLabel,
  pending,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    titleRef.current?.focus();
  }, []);
  return (
    <div className="confirm" role="group" aria-labelledby={titleId}>
      <h3 ref={titleRef} id={titleId} className="confirm__title" tabIndex={-1}>
        {title}
      </h3>
      {children}
      <div className="actions">
        <button type="button" className="button" onClick={onConfirm} disabled={pending}>
          {confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}

/** The new link, shown once, with a Copy button and how to add it to a calendar app. */
function NewLink({ url }: { url: string }) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyResult>(null);

  async function copyLink() {
    try {
      // Missing outside secure contexts and in some browsers: the call then throws.
      await navigator.clipboard.writeText(url);
      setCopy("copied");
    } catch {
      inputRef.current?.select();
      setCopy("unavailable");
    }
  }

  return (
    <div className="feed-link">
      <p className="notice">
        Your calendar link is ready. Copy it now: to keep it private, Bridgeway shows it only this
        once.
      </p>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          Your calendar link
        </label>
        <div className="field__row field__row--wrap">
          <input
            ref={inputRef}
            id={inputId}
            className="field__input"
            type="text"
            readOnly
            value={url}
            spellCheck={false}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button" onClick={() => void copyLink()}>
            Copy link
          </button>
        </div>
        <p className="field__hint" role="status">
          {copy === "copied" && "Copied. Now add it to your calendar app."}
          {copy === "unavailable" &&
            "This browser would not copy it for you. The link is selected: copy it with your device's Copy command."}
        </p>
      </div>
      <h3 className="section-subtitle">Add it to your calendar</h3>
      <ul className="steps">
        <li>
          <strong>iPhone or iPad:</strong> open Settings, then Calendar, Accounts, Add Account,
          Other, Add Subscribed Calendar, and paste the link.
        </li>
        <li>
          <strong>Google Calendar:</strong> on a computer, choose the + next to &ldquo;Other
          calendars&rdquo;, then &ldquo;From URL&rdquo;, and paste the link. It then shows on your
          phone too.
        </li>
        <li>
          <strong>Outlook:</strong> choose &ldquo;Add calendar&rdquo;, then &ldquo;Subscribe from
          web&rdquo;, and paste the link.
        </li>
      </ul>
      <p className="muted">
        Calendar apps check the link every few hours, so a change can take a while to appear.
        Bridgeway always has the latest times.
      </p>
    </div>
  );
}

function FeedControls({ feed, viewerZone }: { feed: CalendarFeed; viewerZone: string }) {
  const { calendarFeedApi, queryClient } = useServices();
  const { user } = useSignedIn();
  const key = [QUERY_KEYS.calendarFeed, user.id];
  const [newUrl, setNewUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [turnedOff, setTurnedOff] = useState(false);

  const create = useMutation({
    mutationFn: () => calendarFeedApi.create(),
    onSuccess: (created) => {
      setNewUrl(created.url);
      setConfirming(null);
      setTurnedOff(false);
      // The cache keeps whether a link is on, never the link itself.
      queryClient.setQueryData<CalendarFeed>(key, { ...created, url: null });
    },
  });
  const turnOff = useMutation({
    mutationFn: () => calendarFeedApi.turnOff(),
    onSuccess: () => {
      setNewUrl(null);
      setConfirming(null);
      setTurnedOff(true);
      queryClient.setQueryData<CalendarFeed>(key, { url: null, active: false, createdAt: null });
    },
  });
  const failed = create.isError ? create.error : turnOff.isError ? turnOff.error : null;

  if (!feed.active) {
    return (
      <div className="stack stack--tight">
        {turnedOff && (
          <p className="notice" role="status">
            Your calendar link is off. Calendars that used it will no longer get your sessions.
          </p>
        )}
        {failed !== null && (
          <p className="form__error" role="alert">
            {describeError(failed)}
          </p>
        )}
        <p>You have no calendar link.</p>
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={() => create.mutate()}
            disabled={create.isPending}
          >
            {create.isPending ? "Creating link…" : "Create calendar link"}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="stack stack--tight">
      {failed !== null && (
        <p className="form__error" role="alert">
          {describeError(failed)}
        </p>
      )}
      {newUrl !== null ? (
        <NewLink url={newUrl} />
      ) : (
        <>
          <p>
            Your calendar link is on
            {feed.createdAt !== null &&
              `. It was created on ${formatMoment(feed.createdAt, viewerZone)}`}
            .
          </p>
          <p className="muted">
            For your privacy the link is shown only once, when it is created. If you no longer have
            it, or think someone else has it, replace it.
          </p>
        </>
      )}
      {confirming === "replace" && (
        <ConfirmPanel
          title="Replace your calendar link?"
          confirmLabel={create.isPending ? "Replacing…" : "Yes, replace link"}
          cancelLabel="Keep current link"
          pending={create.isPending}
          onConfirm={() => create.mutate()}
          onCancel={() => setConfirming(null)}
        >
          <p>
            The current link stops working at once. Calendars that use it stop updating until you
            add the new link.
          </p>
        </ConfirmPanel>
      )}
      {confirming === "turn-off" && (
        <ConfirmPanel
          title="Turn off your calendar link?"
          confirmLabel={turnOff.isPending ? "Turning off…" : "Yes, turn off"}
          cancelLabel="Keep it on"
          pending={turnOff.isPending}
          onConfirm={() => turnOff.mutate()}
          onCancel={() => setConfirming(null)}
        >
          <p>
            The link stops working at once. Sessions already in your calendar may stay there until
            you remove the subscription.
          </p>
        </ConfirmPanel>
      )}
      {confirming === null && (
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setConfirming("replace")}
          >
            Replace link
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setConfirming("turn-off")}
          >
            Turn off
          </button>
        </div>
      )}
    </div>
  );
}

export function CalendarPage() {
  const { calendarFeedApi } = useServices();
  const { user } = useSignedIn();
  const aboutId = useId();
  const linkId = useId();
  const query = useQuery({
    queryKey: [QUERY_KEYS.calendarFeed, user.id],
    queryFn: ({ signal }) => calendarFeedApi.get(signal),
  });
  return (
    <>
      <PageHeading>Calendar</PageHeading>
      <div className="stack">
        <section className="card" aria-labelledby={aboutId}>
          <h2 id={aboutId} className="card__title">
            Your sessions in your own calendar
          </h2>
          <p>
            Bridgeway can give you a private link that puts your sessions in the calendar app you
            already use, on your phone or computer. New, moved and cancelled sessions show up there
            by themselves.
          </p>
          <p>
            <strong>Keep the link private.</strong> Anyone who has it can see when your sessions
            are. To protect your privacy, calendar entries say only the kind of session, such as
            &ldquo;Group therapy&rdquo;, and never anyone&apos;s name.
          </p>
        </section>
        <section className="card" aria-labelledby={linkId}>
          <h2 id={linkId} className="card__title">
            Calendar link
          </h2>
          <QueryView
            query={query}
            loadingLabel="Checking your calendar link…"
            errorTitle="We couldn't check your calendar link"
          >
            {(feed) => <FeedControls feed={feed} viewerZone={user.timeZone} />}
          </QueryView>
        </section>
      </div>
    </>
  );
}
