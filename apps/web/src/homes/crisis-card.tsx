import { crisisLineFor } from "@bridgeway/domain";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../i18n/use-locale";

/** The 988 Lifeline, large and plain, on the participant's home, in the participant's language. */
export function CrisisCard() {
  const { t } = useTranslation("home");
  const line = crisisLineFor(useLocale());
  const headingId = useId();
  return (
    <section className="card crisis-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t("crisis.title")}
      </h2>
      <p>{t("crisis.text", { name: line.name })}</p>
      <div className="crisis-card__actions">
        <a className="button button--crisis" href={line.callHref}>
          {line.callLabel}
        </a>
        <a className="button button--crisis" href={line.textHref}>
          {line.textLabel}
        </a>
      </div>
      <p className="crisis-card__note">{t("crisis.emergency")}</p>
    </section>
  );
}
