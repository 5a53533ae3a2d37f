import type { Translation } from "../../catalogue";
import type { signIn as en } from "../en/sign-in";

export const signIn: Translation<typeof en> = {
  title: "Inicia sesión en Bridgeway",
  email: "Correo electrónico",
  password: "Contraseña",
  showPassword: "Mostrar contraseña",
  submit: "Iniciar sesión",
  submitting: "Iniciando sesión…",
  forgot:
    "<forgot>¿Olvidaste tu contraseña?</forgot> Te enviaremos un enlace por correo para que elijas una nueva.",
  demoClinic:
    "Clínica de demostración: sus cuentas entran solo con contraseña. Las clínicas reales también piden a su personal un código de una app de autenticación.",
  codeTitle: "Escribe tu código de inicio de sesión",
  signedOut: {
    "signed-out": "Cerraste tu sesión.",
    idle: "Cerramos tu sesión después de 30 minutos sin actividad, para proteger tu privacidad.",
    "time-limit":
      "Cerramos tu sesión porque llegó a su límite de 12 horas. Vuelve a iniciar sesión para continuar.",
    expired: "Tu sesión terminó. Vuelve a iniciar sesión para continuar.",
  },
  problems: {
    checkFields: "Revisa los campos marcados abajo.",
    emailRequired: "Escribe tu correo electrónico.",
    emailTooLong: "El correo electrónico es demasiado largo.",
    passwordRequired: "Escribe tu contraseña.",
    passwordTooLong: "La contraseña es demasiado larga.",
    invalidCredentials:
      "Ese correo y esa contraseña no coinciden con ninguna cuenta. Revísalos e inténtalo de nuevo.",
    rateLimited:
      "Demasiados intentos de inicio de sesión. Para proteger tu cuenta, pausamos el inicio de sesión. {{wait}}",
    waitFewMinutes: "Espera unos minutos e inténtalo de nuevo.",
    waitMinute: "Espera un minuto e inténtalo de nuevo.",
    waitMinutes: "Espera unos {{count}} minutos e inténtalo de nuevo.",
  },
  mfa: {
    enrolTitle: "Configura tu app de autenticación",
    enrolNotice:
      "Tu clínica pide un segundo paso cuando el personal inicia sesión. Configúralo ahora para continuar.",
    enrolDone: "Continuar a Bridgeway",
    notNow: "Ahora no: cerrar sesión",
    code: "Código de tu app de autenticación",
    codeHint: "6 dígitos. ¿Perdiste tu teléfono? Escribe uno de tus códigos de recuperación.",
    codeProblem: "Escribe los 6 dígitos que muestra tu app, o un código de recuperación.",
    checking: "Comprobando…",
    continue: "Continuar",
    cancel: "Cancelar y volver a iniciar sesión",
  },
};
