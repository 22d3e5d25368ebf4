import type { Language } from '@impact/contracts';

/** The words around a mail (greeting, links, footer) in the four languages; `{name}` fills in. */
export interface MailWords {
  greeting: string;
  open: string;
  digestSubject: string;
  digestIntro: string;
  footer: string;
  settings: string;
}

export const MAIL_WORDS: Record<Language, MailWords> = {
  en: {
    greeting: 'Hello {name},',
    open: 'Open in Impact Tracker',
    digestSubject: 'Impact Tracker: your {count} notifications for {day}',
    digestIntro: 'Here is what needs your attention today:',
    footer: 'You receive this e-mail because of your notification settings in Impact Tracker.',
    settings: 'Change your notification settings',
  },
  fr: {
    greeting: 'Bonjour {name},',
    open: 'Ouvrir dans Impact Tracker',
    digestSubject: 'Impact Tracker : vos {count} notifications du {day}',
    digestIntro: 'Voici ce qui demande votre attention aujourd’hui :',
    footer: 'Vous recevez ce courriel en raison de vos préférences de notification dans Impact Tracker.',
    settings: 'Modifier vos préférences de notification',
  },
  ar: {
    greeting: 'مرحبًا {name}،',
    open: 'فتح في Impact Tracker',
    digestSubject: 'Impact Tracker: إشعاراتك ({count}) ليوم {day}',
    digestIntro: 'إليك ما يحتاج إلى اهتمامك اليوم:',
    footer: 'تصلك هذه الرسالة بسبب إعدادات الإشعارات الخاصة بك في Impact Tracker.',
    settings: 'تغيير إعدادات الإشعارات',
  },
  es: {
    greeting: 'Hola, {name}:',
    open: 'Abrir en Impact Tracker',
    digestSubject: 'Impact Tracker: sus {count} notificaciones del {day}',
    digestIntro: 'Esto es lo que requiere su atención hoy:',
    footer: 'Recibe este correo por sus preferencias de notificación en Impact Tracker.',
    settings: 'Cambiar sus preferencias de notificación',
  },
};

export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
