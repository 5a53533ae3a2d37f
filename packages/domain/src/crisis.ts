import type { Locale } from "./locale";

/**
 * The 988 Suicide & Crisis Lifeline. Shown to participants on every page, so help is one tap
 * away whatever they are doing.
 */
export const CRISIS_LINE = {
  name: "988 Suicide & Crisis Lifeline",
  number: "988",
  callHref: "tel:988",
  textHref: "sms:988",
} as const;

/** The crisis line as a person reads it in their language: the same number, their words. */
export type CrisisLine = {
  name: string;
  number: "988";
  callHref: string;
  /** Opens the phone's messages to 988; in Spanish with "AYUDA" written, which 988 answers in Spanish. */
  textHref: string;
  /** The call button's words. */
  callLabel: string;
  /** The text button's words. */
  textLabel: string;
  /** One sentence on how to reach it, for a card, a notice or a message. */
  howToReach: string;
};

/**
 * 988 answers in Spanish on the same number: a caller presses 2, a texter sends "AYUDA"
 * (988lifeline.org/es). The call cannot choose the language for them, so the words say how.
 */
export const CRISIS_LINES: Readonly<Record<Locale, CrisisLine>> = {
  en: {
    ...CRISIS_LINE,
    callLabel: "Call 988",
    textLabel: "Text 988",
    howToReach:
      "Call or text 988 (Suicide & Crisis Lifeline) any time, day or night. It is free and confidential.",
  },
  es: {
    name: "Línea 988 de Prevención del Suicidio y Crisis",
    number: "988",
    callHref: "tel:988",
    // `?&body=` is the form both iOS and Android read.
    textHref: "sms:988?&body=AYUDA",
    callLabel: "Llama al 988 y marca 2",
    textLabel: "Envía AYUDA al 988",
    howToReach:
      "Llama al 988 y marca 2 para hablar en español, o envía AYUDA por mensaje de texto al 988, a cualquier hora del día o de la noche. Es gratis y confidencial.",
  },
};

/** The crisis line in a person's language. */
export function crisisLineFor(locale: Locale): CrisisLine {
  return CRISIS_LINES[locale];
}
