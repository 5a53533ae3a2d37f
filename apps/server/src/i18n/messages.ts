import {
  LOCALE_TAGS,
  parseLocale,
  type Locale,
  reminderDay,
  type PushKind,
  type Role,
} from "@bridgeway/domain";

/**
 * Everything the server says to a person in words (emails, text messages, push notifications),
 * one catalogue per language. `Messages` is the English catalogue's shape, so the Spanish one
 * cannot miss a message. Reminders and notifications name a time and where to go, never what a
 * session is or who wrote what: a phone's lock screen is not private.
 */

/** When a session is, as a reminder names it: the day in the person's zone, and the time. */
export type SessionWhen = { day: "today" | "tomorrow" | "later"; date: string; time: string };

/** An email: what the mailer sends, less the address. */
export type EmailText = { subject: string; text: string };

const lines = (...parts: string[]) => parts.join("\n");

const en = {
  reminder: {
    subject: "Session reminder",
    text: (when: SessionWhen, link: string) => {
      const at = `at ${when.time}`;
      const day =
        when.day === "today"
          ? at
          : when.day === "tomorrow"
            ? `tomorrow ${at}`
            : `on ${when.date} ${at}`;
      return `You have a session ${day}. Open Bridgeway to join: ${link}`;
    },
  },
  checkIn: {
    subject: "Your session has started",
    text: (time: string, link: string) =>
      `Your session started at ${time} and we're holding your place. Open Bridgeway to join: ${link}`,
  },
  push: {
    title: "Bridgeway",
    "session-starting": "Your session is starting. Open Bridgeway to join.",
    admitted: "You have been let in to your session.",
    "chat-mention": "You were mentioned in a chat.",
    "crisis-alert": "A crisis alert needs attention. Open Bridgeway.",
  } satisfies Record<PushKind | "title", string>,
  accountInvitation: (p: { name: string; clinic: string; link: string }): EmailText => ({
    subject: `Your Bridgeway account at ${p.clinic}`,
    text: lines(
      `Hello ${p.name},`,
      "",
      `${p.clinic} created a Bridgeway account for you. Choose your own password here (the link works once, for 7 days):`,
      p.link,
      "",
      "No one at the clinic knows or can see your password.",
      "If you did not expect this, you can ignore this email.",
    ),
  }),
  passwordReset: (p: { name: string; link: string }): EmailText => ({
    subject: "Choose a new Bridgeway password",
    text: lines(
      `Hello ${p.name},`,
      "",
      "Someone asked to reset the password of your Bridgeway account. Choose a new one here (the link works once, for 30 minutes):",
      p.link,
      "",
      "If it was not you, ignore this email: your password stays as it is.",
    ),
  }),
  familyInvitation: (
    p: { name: string; who: string } & ({ link: string } | { signInAt: string }),
  ): EmailText => ({
    subject: `${p.who} invited you to join family sessions on Bridgeway`,
    text: lines(
      `Hello ${p.name},`,
      "",
      `${p.who} has invited you to take part in family sessions of their treatment program on Bridgeway.`,
      "",
      ...("link" in p
        ? [
            "Accept the invitation and choose a password here (the link works once, for 7 days):",
            p.link,
          ]
        : [
            "This email address already has a Bridgeway account, so no new account was made.",
            `Sign in at ${p.signInAt} and ask ${p.who}'s care team to connect your account.`,
          ]),
      "",
      "If you did not expect this, you can ignore this email.",
    ),
  }),
};

export type Messages = typeof en;

/** Ends a sentence once: Spanish times end in a period already ("6:00 p. m."). */
const sentence = (text: string) => (text.endsWith(".") ? text : `${text}.`);

/** "a las 6:00", but "a la 1:00": one o'clock is singular in Spanish. */
const aLas = (time: string) => (/^1[:.]/.test(time) ? `a la ${time}` : `a las ${time}`);

const es: Messages = {
  reminder: {
    subject: "Recordatorio de sesión",
    text: (when, link) => {
      const at = aLas(when.time);
      const day =
        when.day === "today"
          ? at
          : when.day === "tomorrow"
            ? `mañana ${at}`
            : `el ${when.date}, ${at}`;
      return `${sentence(`Tienes una sesión ${day}`)} Abre Bridgeway para unirte: ${link}`;
    },
  },
  checkIn: {
    subject: "Tu sesión ya empezó",
    text: (time, link) =>
      `Tu sesión empezó ${aLas(time)} y te estamos guardando el lugar. Abre Bridgeway para unirte: ${link}`,
  },
  push: {
    title: "Bridgeway",
    "session-starting": "Tu sesión está por empezar. Abre Bridgeway para unirte.",
    admitted: "Ya te dejaron entrar a tu sesión.",
    "chat-mention": "Te mencionaron en un chat.",
    "crisis-alert": "Una alerta de crisis necesita atención. Abre Bridgeway.",
  },
  accountInvitation: (p) => ({
    subject: `Tu cuenta de Bridgeway en ${p.clinic}`,
    text: lines(
      `Hola, ${p.name}:`,
      "",
      `${p.clinic} creó una cuenta de Bridgeway para ti. Elige tu propia contraseña aquí (el enlace funciona una sola vez, durante 7 días):`,
      p.link,
      "",
      "Nadie en la clínica sabe ni puede ver tu contraseña.",
      "Si no esperabas este correo, puedes ignorarlo.",
    ),
  }),
  passwordReset: (p) => ({
    subject: "Elige una nueva contraseña de Bridgeway",
    text: lines(
      `Hola, ${p.name}:`,
      "",
      "Alguien pidió restablecer la contraseña de tu cuenta de Bridgeway. Elige una nueva aquí (el enlace funciona una sola vez, durante 30 minutos):",
      p.link,
      "",
      "Si no fuiste tú, ignora este correo: tu contraseña seguirá igual.",
    ),
  }),
  familyInvitation: (p) => ({
    subject: `${p.who} te invitó a participar en sesiones familiares en Bridgeway`,
    text: lines(
      `Hola, ${p.name}:`,
      "",
      `${p.who} te invitó a participar en las sesiones familiares de su programa de tratamiento en Bridgeway.`,
      "",
      ...("link" in p
        ? [
            "Acepta la invitación y elige una contraseña aquí (el enlace funciona una sola vez, durante 7 días):",
            p.link,
          ]
        : [
            "Esta dirección de correo ya tiene una cuenta de Bridgeway, así que no se creó una cuenta nueva.",
            `Inicia sesión en ${p.signInAt} y pídele al equipo de atención de ${p.who} que conecte tu cuenta.`,
          ]),
      "",
      "Si no esperabas este correo, puedes ignorarlo.",
    ),
  }),
};

export const MESSAGES: Readonly<Record<Locale, Messages>> = { en, es };

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}

/**
 * The language the server writes to a person in: their own choice, except that staff hear
 * English, as their screens are (a notification leads to those screens).
 */
export function localeOf(person: { role: Role; locale: string }): Locale {
  return person.role === "PARTICIPANT" || person.role === "FAMILY"
    ? parseLocale(person.locale)
    : "en";
}

/** A clock time in the person's zone, the way their language writes it ("6:00 PM", "6:00 p. m."). */
export function formatTime(at: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    timeZone,
    hour: "numeric",
    minute: "2-digit",
  }).format(at);
}

/** When a session starts, as a reminder sent at `now` names it, in the person's zone and language. */
export function sessionWhen(
  startsAt: Date,
  now: Date,
  timeZone: string,
  locale: Locale,
): SessionWhen {
  return {
    day: reminderDay(startsAt, now, timeZone),
    date: new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
      timeZone,
      weekday: "long",
      month: "long",
      day: "numeric",
    }).format(startsAt),
    time: formatTime(startsAt, timeZone, locale),
  };
}
