import type { Translation } from "../../catalogue";
import type { reminders as en } from "../en/reminders";

export const reminders: Translation<typeof en> = {
  preferences: {
    title: "Recordatorios de sesiones",
    intro:
      "Los recordatorios solo dicen cuándo empieza una sesión, con un enlace a Bridgeway: nunca de qué trata.",
    loading: "Cargando tus opciones de recordatorios…",
    error: "No pudimos cargar tus opciones de recordatorios",
    enabled: "Recordarme mis sesiones un día antes y una hora antes",
    sendBy: "Enviar recordatorios por",
    email: "Correo electrónico",
    sms: "Mensaje de texto",
    phone: "Número de celular",
    phoneHint: "Con su código de país, como +1 555 123 4567.",
    phoneHintNotSent:
      "Con su código de país, como +1 555 123 4567. Tu clínica todavía no ha activado los mensajes de texto, así que por ahora se guardan en el servidor y no se envían.",
    quiet: "Tener horas de silencio, en las que no se envían recordatorios",
    quietFrom: "Silencio desde",
    quietUntil: "Silencio hasta",
    zoneHint: "{{zone}}.",
    saving: "Guardando tus recordatorios…",
    save: "Guardar recordatorios",
    saved: "Se guardaron tus opciones de recordatorios.",
    checkFields: "Revisa los campos marcados abajo.",
    invalid: {
      channel: "Elige correo electrónico, mensaje de texto o ambos.",
      phone: "Escribe un número de celular con su código de país, como +1 555 123 4567.",
      time: "Escribe una hora, como 9:00 p.m.",
    },
  },
  device: {
    title: "Notificaciones en este dispositivo",
    checking: "Revisando este dispositivo…",
    working: "Procesando…",
    on: "Activadas",
    off: "Desactivadas",
    caption: {
      unsupported:
        "Este navegador no puede mostrar notificaciones de Bridgeway. En un iPhone o iPad, primero agrega Bridgeway a tu pantalla de inicio (Compartir y luego Agregar a inicio) y ábrelo desde ahí.",
      blocked:
        "Las notificaciones de Bridgeway están bloqueadas en este navegador. Permítelas en la configuración del sitio del navegador y vuelve a cargar esta página.",
      off: "Desactivadas. Actívalas para saber cuándo empieza una sesión, cuándo te dejan entrar y cuándo alguien te menciona.",
      on: "Activadas en este dispositivo. Las notificaciones nunca muestran qué se dijo ni quién lo dijo.",
    },
    notAllowed:
      "Bridgeway no recibió permiso para mostrar notificaciones. Inténtalo de nuevo cuando quieras.",
    browserFailed:
      "Este navegador no pudo configurar las notificaciones. Vuelve a cargar la página e inténtalo de nuevo.",
  },
};
