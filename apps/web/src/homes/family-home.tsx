import { crisisLineFor, FAMILY_RESOURCES, LOCALE_TAGS, type Locale } from "@bridgeway/domain";
import type { TFunction } from "i18next";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { describeKinds, relationshipText } from "../families/family-view";
import { useSupporting } from "../families/use-families";
import { activeLocale, i18n } from "../i18n/i18n";
import { useFormat } from "../i18n/use-format";
import { useSignedIn } from "../sign-in/auth-context";
import { JoinControl } from "../sessions/join-control";
import { SessionCard, SessionDays } from "../sessions/session-card";
import { useNow } from "../sessions/use-now";
import { dayRange, useSessionList } from "../sessions/use-sessions";
import { HiddenContext } from "../shell/hidden-context";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { QueryView } from "./query-view";
import { useRoleHome } from "./use-role-home";

type T = TFunction<"familyHome">;

function activeT(): T {
  return i18n.getFixedT(null, "familyHome");
}

function invitationNote(names: string[], t: T): string {
  const [only] = names;
  if (names.length === 1 && only !== undefined) return t("invitationNoteOne", { name: only });
  return t("invitationNoteMany");
}

/** "Ana, Luis and Sam" in English as before; other languages list names their own way. */
function listNames(names: readonly string[], locale: Locale): string {
  if (locale !== "en") {
    return new Intl.ListFormat(LOCALE_TAGS[locale], { type: "conjunction" }).format(names);
  }
  const last = names[names.length - 1] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${last}`;
}

/** What the empty session list says: whose care team will invite them. */
export function noFamilySessionsNote(
  names: readonly string[],
  t: T = activeT(),
  locale: Locale = activeLocale(),
): string {
  const base = t("noSessions");
  const [first, ...rest] = names;
  if (first === undefined) return base;
  if (rest.length === 0) return t("noSessionsOneTeam", { base, name: first });
  return t("noSessionsManyTeams", { base, names: listNames(names, locale) });
}

/** The next 14 days of sessions the family member is invited to, and only those. */
function FamilySessions({ names, viewerZone }: { names: readonly string[]; viewerZone: string }) {
  const { t } = useTranslation("familyHome");
  const format = useFormat();
  const headingId = useId();
  const now = useNow();
  const query = useSessionList(dayRange(now, viewerZone, 14));
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {t("sessionsTitle")}
      </h2>
      <p className="muted section-note">
        {t("sessionsNote", { zone: format.timeZone(viewerZone) })}
      </p>
      <QueryView query={query} loadingLabel={t("sessionsLoading")} errorTitle={t("sessionsError")}>
        {(sessions) =>
          sessions.length === 0 ? (
            <EmptyState title={noFamilySessionsNote(names, t, format.locale)}>
              <p>{t("noSessionsBody")}</p>
            </EmptyState>
          ) : (
            <SessionDays
              sessions={sessions}
              viewerZone={viewerZone}
              renderCard={(session) => (
                <SessionCard
                  session={session}
                  viewerZone={viewerZone}
                  headingLevel={4}
                  showCohort={false}
                >
                  <JoinControl session={session} now={now} viewerZone={viewerZone} />
                </SessionCard>
              )}
            />
          )
        }
      </QueryView>
    </section>
  );
}

/** The catalogue keys of `FAMILY_RESOURCES`, in the domain's order. */
const RESOURCE_KEYS = ["lifeline", "samhsa", "nami", "alAnon", "narAnon"] as const;

/** Support for the family member themselves: phone lines a tap away, and groups to look up. */
function FamilyResources() {
  const { t } = useTranslation("familyHome");
  const { locale } = useFormat();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {t("resourcesTitle")}
      </h2>
      <p className="muted section-note">{t("resourcesNote")}</p>
      <ul className="plain-list stack">
        {FAMILY_RESOURCES.map((resource, index) => {
          const key = RESOURCE_KEYS[index];
          const name = key ? t(`resources.${key}.name`) : resource.name;
          const what = key ? t(`resources.${key}.what`) : resource.what;
          // 988 answers in Spanish when one texts AYUDA: the text link writes it for them.
          const sms =
            resource.text?.sms === "sms:988" ? crisisLineFor(locale).textHref : resource.text?.sms;
          return (
            <li key={resource.name} className="card">
              <h3 className="card__title">{name}</h3>
              <p>{what}</p>
              <p className="actions">
                {resource.phone && (
                  <a className="button button--secondary" href={resource.phone.tel}>
                    {t("call", { number: resource.phone.display })}
                    <HiddenContext>{`(${name})`}</HiddenContext>
                  </a>
                )}
                {resource.text && (
                  <a className="button button--secondary" href={sms}>
                    {t("text", { number: resource.text.display })}
                    <HiddenContext>{`(${name})`}</HiddenContext>
                  </a>
                )}
                {resource.url && (
                  <a href={resource.url} target="_blank" rel="noopener noreferrer">
                    <span translate="no">
                      {new URL(resource.url).hostname.replace(/^www\./, "")}
                    </span>
                    <HiddenContext>{t("newTab")}</HiddenContext>
                  </a>
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function FamilyHome() {
  const { t } = useTranslation("familyHome");
  const { user } = useSignedIn();
  const query = useRoleHome("FAMILY");
  // Which sessions each person's consent covers; the home says whom, this says what.
  const consent = useSupporting();
  const headingId = useId();
  return (
    <>
      <PageHeading>{t("welcome", { name: user.firstName })}</PageHeading>
      <div className="stack">
        <section aria-labelledby={headingId}>
          <h2 id={headingId} className="section-title">
            {t("supportingTitle")}
          </h2>
          <QueryView query={query} loadingLabel={t("loading")} errorTitle={t("loadError")}>
            {(home) =>
              home.supporting.length === 0 ? (
                <EmptyState title={t("notLinkedTitle")}>
                  <p>{t("notLinkedBody")}</p>
                </EmptyState>
              ) : (
                <div className="card">
                  <ul className="plain-list supporting-list">
                    {home.supporting.map((s, index) => {
                      const kinds = consent.data?.find(
                        (c) => c.participantFirstName === s.participantFirstName,
                      )?.sessionKinds;
                      return (
                        <li key={`${s.participantFirstName}-${index}`}>
                          {t("supportingBefore")}
                          <strong translate="no">{s.participantFirstName}</strong>
                          {t("supportingAfter", { relationship: relationshipText(s.relationship) })}
                          {kinds !== undefined && (
                            <span className="cell-note">
                              {t("mayJoin", { kinds: describeKinds(kinds).toLowerCase() })}
                            </span>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                  <p>
                    {invitationNote(
                      home.supporting.map((s) => s.participantFirstName),
                      t,
                    )}
                  </p>
                  <p>
                    {t("boardBefore")}
                    <Link to="/forums">{t("boardLink")}</Link>
                    {t("boardAfter")}
                  </p>
                </div>
              )
            }
          </QueryView>
        </section>
        {query.isSuccess && (
          <FamilySessions
            names={query.data.supporting.map((s) => s.participantFirstName)}
            viewerZone={user.timeZone}
          />
        )}
        <FamilyResources />
      </div>
    </>
  );
}
