import {
  crisisLineFor,
  SAFETY_PLAN_STEPS,
  type Locale,
  type SafetyPlanContent,
  type SafetyPlanDto,
} from "@bridgeway/domain";
import type { TFunction } from "i18next";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatMoment } from "../format/session-time";
import { i18n } from "../i18n/i18n";
import { useLocale } from "../i18n/use-locale";

type Contact = SafetyPlanContent["distractions"][number];
type StepKey = (typeof SAFETY_PLAN_STEPS)[number]["key"];

/** A phone number as a link to call it, when it looks like one. */
function telHref(phone: string): string | null {
  const digits = phone.replace(/[^\d+]/g, "");
  return digits.length >= 3 ? `tel:${digits}` : null;
}

function ContactItem({ contact }: { contact: Contact }) {
  const href = contact.phone ? telHref(contact.phone) : null;
  return (
    <li translate="no">
      <span className="safety-step__name">{contact.name}</span>
      {contact.phone &&
        (href ? (
          <a className="safety-step__phone" href={href}>
            {contact.phone}
          </a>
        ) : (
          <span className="safety-step__phone">{contact.phone}</span>
        ))}
    </li>
  );
}

function StepItems({ stepKey, content }: { stepKey: StepKey; content: SafetyPlanContent }) {
  const { t } = useTranslation("safetyPlan");
  const line = crisisLineFor(useLocale());
  switch (stepKey) {
    case "warningSigns":
    case "copingStrategies":
    case "environmentSafety": {
      const items = content[stepKey];
      return items.length === 0 ? (
        <p className="muted">{t("nothingYet")}</p>
      ) : (
        <ul className="safety-step__list">
          {items.map((text, index) => (
            <li key={`${index}-${text}`} translate="no">
              {text}
            </li>
          ))}
        </ul>
      );
    }
    case "distractions":
    case "peopleToAsk":
    case "professionals": {
      const items = content[stepKey];
      return (
        <ul className="safety-step__list">
          {items.map((contact, index) => (
            <ContactItem key={`${index}-${contact.name}`} contact={contact} />
          ))}
          {stepKey === "professionals" && (
            <li>
              <span className="safety-step__name">{line.name}</span>
              <a className="safety-step__phone" href={line.callHref}>
                {line.callLabel}
              </a>
              <a className="safety-step__phone" href={line.textHref}>
                {line.textLabel}
              </a>
            </li>
          )}
          {items.length === 0 && stepKey !== "professionals" && (
            <li className="muted">{t("nothingYet")}</li>
          )}
        </ul>
      );
    }
  }
}

/**
 * The Stanley-Brown safety plan in its six steps, in order, with what matters most at the end,
 * as the person wrote it with their therapist.
 */
export function SafetyPlanSteps({
  plan,
  headingLevel = 2,
}: {
  plan: SafetyPlanContent;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation("safetyPlan");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const reasonsId = useId();
  return (
    <>
      <ol className="safety-steps">
        {SAFETY_PLAN_STEPS.map((step, index) => (
          <li key={step.key} className="safety-step">
            <Heading className="safety-step__title">
              <span className="safety-step__number">{t("stepNumber", { number: index + 1 })}</span>{" "}
              {t(`steps.${step.key}`)}
            </Heading>
            <StepItems stepKey={step.key} content={plan} />
          </li>
        ))}
      </ol>
      {plan.reasonsForLiving && (
        <section className="safety-reasons" aria-labelledby={reasonsId}>
          <Heading id={reasonsId} className="safety-step__title">
            {t("reasons")}
          </Heading>
          <p className="safety-reasons__text" translate="no">
            {plan.reasonsForLiving}
          </p>
        </section>
      )}
    </>
  );
}

/** Staff screens stay in English whatever the language. */
const ENGLISH: TFunction<"safetyPlan"> = i18n.getFixedT("en", "safetyPlan");

/** "Version 2, updated November 25, 2026 at 4:12 PM EST by Dana Whitfield" */
export function safetyPlanVersionText(
  plan: SafetyPlanDto,
  timeZone: string,
  t: TFunction<"safetyPlan"> = ENGLISH,
  locale: Locale = "en",
): string {
  return t("version", {
    version: plan.version,
    when: formatMoment(plan.updatedAt, timeZone, locale),
    author: plan.authoredBy,
  });
}
