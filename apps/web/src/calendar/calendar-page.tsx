import type { CalendarFeed } from "@bridgeway/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { describeError } from "../api/api-client";
import { QUERY_KEYS } from "../api/query-keys";
import { useServices } from "../app/services-context";
import { QueryView } from "../homes/query-view";
import { useFormat } from "../i18n/use-format";
import { useSignedIn } from "../sign-in/auth-context";
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
  const { t } = useTranslation("calendar");
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
      <p className="notice">{t("newLink.ready")}</p>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          {t("newLink.label")}
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
            {t("newLink.copy")}
          </button>
        </div>
        <p className="field__hint" role="status">
          {copy === "copied" && t("newLink.copied")}
          {copy === "unavailable" && t("newLink.unavailable")}
        </p>
      </div>
      <h3 className="section-subtitle">{t("newLink.howTitle")}</h3>
      <ul className="steps">
        {(["iphone", "google", "outlook"] as const).map((app) => (
          <li key={app}>
            <Trans t={t} i18nKey={`newLink.${app}`} components={{ b: <strong /> }} />
          </li>
        ))}
      </ul>
      <p className="muted">{t("newLink.delay")}</p>
    </div>
  );
}

function FeedControls({ feed, viewerZone }: { feed: CalendarFeed; viewerZone: string }) {
  const { t } = useTranslation("calendar");
  const format = useFormat();
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
            {t("link.turnedOff")}
          </p>
        )}
        {failed !== null && (
          <p className="form__error" role="alert">
            {describeError(failed)}
          </p>
        )}
        <p>{t("link.none")}</p>
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={() => create.mutate()}
            disabled={create.isPending}
          >
            {create.isPending ? t("link.creating") : t("link.create")}
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
            {feed.createdAt !== null
              ? t("link.onSince", { when: format.moment(feed.createdAt, viewerZone) })
              : t("link.on")}
          </p>
          <p className="muted">{t("link.shownOnce")}</p>
        </>
      )}
      {confirming === "replace" && (
        <ConfirmPanel
          title={t("confirmReplace.title")}
          confirmLabel={
            create.isPending ? t("confirmReplace.pending") : t("confirmReplace.confirm")
          }
          cancelLabel={t("confirmReplace.cancel")}
          pending={create.isPending}
          onConfirm={() => create.mutate()}
          onCancel={() => setConfirming(null)}
        >
          <p>{t("confirmReplace.text")}</p>
        </ConfirmPanel>
      )}
      {confirming === "turn-off" && (
        <ConfirmPanel
          title={t("confirmTurnOff.title")}
          confirmLabel={
            turnOff.isPending ? t("confirmTurnOff.pending") : t("confirmTurnOff.confirm")
          }
          cancelLabel={t("confirmTurnOff.cancel")}
          pending={turnOff.isPending}
          onConfirm={() => turnOff.mutate()}
          onCancel={() => setConfirming(null)}
        >
          <p>{t("confirmTurnOff.text")}</p>
        </ConfirmPanel>
      )}
      {confirming === null && (
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setConfirming("replace")}
          >
            {t("link.replace")}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setConfirming("turn-off")}
          >
            {t("link.turnOff")}
          </button>
        </div>
      )}
    </div>
  );
}

export function CalendarPage() {
  const { t } = useTranslation("calendar");
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
      <PageHeading>{t("title")}</PageHeading>
      <div className="stack">
        <section className="card" aria-labelledby={aboutId}>
          <h2 id={aboutId} className="card__title">
            {t("about.title")}
          </h2>
          <p>{t("about.what")}</p>
          <p>
            <strong>{t("about.privateLead")}</strong> {t("about.privateText")}
          </p>
        </section>
        <section className="card" aria-labelledby={linkId}>
          <h2 id={linkId} className="card__title">
            {t("link.title")}
          </h2>
          <QueryView
            query={query}
            loadingLabel={t("link.loading")}
            errorTitle={t("link.loadError")}
          >
            {(feed) => <FeedControls feed={feed} viewerZone={user.timeZone} />}
          </QueryView>
        </section>
      </div>
    </>
  );
}
