import type { Translation } from "../../catalogue";
import type { calendar as en } from "../en/calendar";

export const calendar: Translation<typeof en> = {
  title: "Calendario",
  about: {
    title: "Tus sesiones en tu propio calendario",
    what: "Bridgeway te puede dar un enlace privado que pone tus sesiones en la aplicación de calendario que ya usas, en tu teléfono o tu computadora. Las sesiones nuevas, cambiadas o canceladas aparecen ahí solas.",
    privateLead: "No compartas el enlace.",
    privateText:
      "Cualquier persona que lo tenga puede ver cuándo son tus sesiones. Para proteger tu privacidad, las citas del calendario solo dicen el tipo de sesión, como “Terapia de grupo”, y nunca el nombre de nadie.",
  },
  link: {
    title: "Enlace del calendario",
    loading: "Revisando tu enlace del calendario…",
    loadError: "No pudimos revisar tu enlace del calendario",
    none: "No tienes un enlace del calendario.",
    create: "Crear enlace del calendario",
    creating: "Creando el enlace…",
    turnedOff:
      "Tu enlace del calendario está desactivado. Los calendarios que lo usaban ya no recibirán tus sesiones.",
    on: "Tu enlace del calendario está activado.",
    onSince: "Tu enlace del calendario está activado. Se creó el {{when}}.",
    shownOnce:
      "Por tu privacidad, el enlace se muestra una sola vez, cuando se crea. Si ya no lo tienes o crees que alguien más lo tiene, reemplázalo.",
    replace: "Reemplazar el enlace",
    turnOff: "Desactivar",
  },
  confirmReplace: {
    title: "¿Reemplazar tu enlace del calendario?",
    confirm: "Sí, reemplazar el enlace",
    pending: "Reemplazando…",
    cancel: "Conservar el enlace actual",
    text: "El enlace actual deja de funcionar de inmediato. Los calendarios que lo usan dejan de actualizarse hasta que agregues el enlace nuevo.",
  },
  confirmTurnOff: {
    title: "¿Desactivar tu enlace del calendario?",
    confirm: "Sí, desactivar",
    pending: "Desactivando…",
    cancel: "Dejarlo activado",
    text: "El enlace deja de funcionar de inmediato. Las sesiones que ya están en tu calendario pueden quedarse ahí hasta que quites la suscripción.",
  },
  newLink: {
    ready:
      "Tu enlace del calendario está listo. Cópialo ahora: para que siga siendo privado, Bridgeway lo muestra solo esta vez.",
    label: "Tu enlace del calendario",
    copy: "Copiar el enlace",
    copied: "Copiado. Ahora agrégalo a tu aplicación de calendario.",
    unavailable:
      "Este navegador no pudo copiarlo. El enlace está seleccionado: cópialo con la opción Copiar de tu dispositivo.",
    howTitle: "Agrégalo a tu calendario",
    iphone:
      "<b>iPhone o iPad:</b> abre Configuración, luego Calendario, Cuentas, Agregar cuenta, Otra, Agregar calendario suscrito, y pega el enlace.",
    google:
      "<b>Google Calendar:</b> en una computadora, elige el + junto a “Otros calendarios”, luego “Desde URL”, y pega el enlace. Después aparece también en tu teléfono.",
    outlook:
      "<b>Outlook:</b> elige “Agregar calendario”, luego “Suscribirse desde la web”, y pega el enlace.",
    delay:
      "Las aplicaciones de calendario revisan el enlace cada pocas horas, así que un cambio puede tardar en aparecer. Bridgeway siempre tiene los horarios más recientes.",
  },
};
