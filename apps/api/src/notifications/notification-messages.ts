import { REMINDER_KINDS, type Language, type NotificationKind, type ReminderKind } from '@impact/contracts';
import { fill } from '../mail/mail-messages';

/**
 * Title and body of each notification kind in the four languages, as PostgreSQL `format()` strings:
 * the reminder rules write them set-based in the recipient's language. Arguments, by position:
 * 1 the record's title, 2 the date the rule is about (due, target, stalled since), 3 a number of days,
 * 4 the city (or, for a follow-up without a commitment, its engagement's host city or hub).
 */
export type NotificationTemplates = Record<Language, { title: string; body: string }>;

export const NOTIFICATION_MESSAGES: Record<ReminderKind, NotificationTemplates> = {
  follow_up_due_soon: {
    en: { title: 'Follow-up due in 7 days: %1$s', body: '“%1$s” (%4$s) is due on %2$s.' },
    fr: { title: 'Suivi à rendre dans 7 jours : %1$s', body: '« %1$s » (%4$s) est à rendre le %2$s.' },
    ar: { title: 'متابعة مستحقة خلال 7 أيام: %1$s', body: 'موعد استحقاق «%1$s» (%4$s) هو %2$s.' },
    es: { title: 'Seguimiento con vencimiento en 7 días: %1$s', body: '«%1$s» (%4$s) vence el %2$s.' },
  },
  follow_up_due_tomorrow: {
    en: { title: 'Follow-up due tomorrow: %1$s', body: '“%1$s” (%4$s) is due tomorrow, %2$s.' },
    fr: { title: 'Suivi à rendre demain : %1$s', body: '« %1$s » (%4$s) est à rendre demain, le %2$s.' },
    ar: { title: 'متابعة مستحقة غدًا: %1$s', body: 'موعد استحقاق «%1$s» (%4$s) هو غدًا، %2$s.' },
    es: { title: 'Seguimiento que vence mañana: %1$s', body: '«%1$s» (%4$s) vence mañana, %2$s.' },
  },
  follow_up_overdue: {
    en: { title: 'Overdue follow-up: %1$s', body: '“%1$s” (%4$s) was due on %2$s and is still open: %3$s days late.' },
    fr: { title: 'Suivi en retard : %1$s', body: '« %1$s » (%4$s) était à rendre le %2$s et reste ouvert : %3$s jours de retard.' },
    ar: { title: 'متابعة متأخرة: %1$s', body: 'كان موعد استحقاق «%1$s» (%4$s) هو %2$s وما زالت مفتوحة: متأخرة %3$s يومًا.' },
    es: { title: 'Seguimiento atrasado: %1$s', body: '«%1$s» (%4$s) vencía el %2$s y sigue abierto: %3$s días de retraso.' },
  },
  follow_up_escalated: {
    en: {
      title: 'Escalation: follow-up overdue for %3$s days in %4$s',
      body: '“%1$s” was due on %2$s and is still open. Its owner has been reminded; please step in.',
    },
    fr: {
      title: 'Escalade : suivi en retard de %3$s jours à %4$s',
      body: '« %1$s » était à rendre le %2$s et reste ouvert. Son responsable a été relancé ; merci d’intervenir.',
    },
    ar: {
      title: 'تصعيد: متابعة متأخرة %3$s يومًا في %4$s',
      body: 'كان موعد استحقاق «%1$s» هو %2$s وما زالت مفتوحة. تم تذكير المسؤول عنها؛ يرجى التدخل.',
    },
    es: {
      title: 'Escalamiento: seguimiento con %3$s días de retraso en %4$s',
      body: '«%1$s» vencía el %2$s y sigue abierto. Se recordó a su responsable; por favor, intervenga.',
    },
  },
  commitment_past_target: {
    en: { title: 'Commitment past its target date: %1$s', body: '“%1$s” (%4$s) had a target date of %2$s and is not achieved yet.' },
    fr: {
      title: 'Engagement ayant dépassé sa date cible : %1$s',
      body: '« %1$s » (%4$s) avait pour date cible le %2$s et n’est pas encore atteint.',
    },
    ar: { title: 'التزام تجاوز تاريخه المستهدف: %1$s', body: 'كان التاريخ المستهدف لـ«%1$s» (%4$s) هو %2$s ولم يتحقق بعد.' },
    es: {
      title: 'Compromiso que superó su fecha objetivo: %1$s',
      body: '«%1$s» (%4$s) tenía como fecha objetivo el %2$s y aún no se ha cumplido.',
    },
  },
  commitment_stalled: {
    en: { title: 'Commitment stalled for %3$s days: %1$s', body: '“%1$s” (%4$s) has been stalled since %2$s.' },
    fr: { title: 'Engagement bloqué depuis %3$s jours : %1$s', body: '« %1$s » (%4$s) est bloqué depuis le %2$s.' },
    ar: { title: 'التزام متعثر منذ %3$s يومًا: %1$s', body: '«%1$s» (%4$s) متعثر منذ %2$s.' },
    es: { title: 'Compromiso estancado desde hace %3$s días: %1$s', body: '«%1$s» (%4$s) está estancado desde el %2$s.' },
  },
};

/**
 * What a story's workflow step or a city contact's answer tells people, in the four languages; `{…}`
 * fill in. Stories: `{title}` the story's title, `{hub}` its hub, `{actor}` who took the step, `{note}`
 * the reason it was sent back. Answers by link: `{title}` the follow-up, `{city}`, `{contact}` the
 * contact's name and address, `{noteLine}` and `{dateLine}` the note and proposed date, worded below.
 */
export const NAMED_NOTIFICATIONS: Record<Exclude<NotificationKind, ReminderKind>, NotificationTemplates> = {
  story_in_review: {
    en: {
      title: 'Story to review: {title}',
      body: '{actor} sent “{title}” ({hub}) to review. It is waiting for leadership to publish it or send it back.',
    },
    fr: {
      title: 'Récit à relire : {title}',
      body: '{actor} a soumis « {title} » ({hub}) à relecture. Il attend que la direction le publie ou le renvoie.',
    },
    ar: { title: 'قصة للمراجعة: {title}', body: 'أرسل {actor} «{title}» ({hub}) للمراجعة. وهي بانتظار أن تنشرها القيادة أو تعيدها.' },
    es: {
      title: 'Historia para revisar: {title}',
      body: '{actor} envió «{title}» ({hub}) a revisión. Espera a que la dirección la publique o la devuelva.',
    },
  },
  story_sent_back: {
    en: { title: 'Story sent back: {title}', body: '{actor} sent “{title}” back to draft. Reason: {note}' },
    fr: { title: 'Récit renvoyé : {title}', body: '{actor} a renvoyé « {title} » en brouillon. Motif : {note}' },
    ar: { title: 'أُعيدت القصة: {title}', body: 'أعاد {actor} «{title}» إلى المسودة. السبب: {note}' },
    es: { title: 'Historia devuelta: {title}', body: '{actor} devolvió «{title}» a borrador. Motivo: {note}' },
  },
  story_published: {
    en: { title: 'Story published: {title}', body: '{actor} published “{title}”. It is now on the public stories page.' },
    fr: { title: 'Récit publié : {title}', body: '{actor} a publié « {title} ». Il figure désormais sur la page publique des récits.' },
    ar: { title: 'نُشرت القصة: {title}', body: 'نشر {actor} «{title}». وهي الآن على صفحة القصص العامة.' },
    es: { title: 'Historia publicada: {title}', body: '{actor} publicó «{title}». Ya está en la página pública de historias.' },
  },
  follow_up_confirmed: {
    en: { title: 'Confirmed done by the city: {title}', body: '{contact} confirmed by link that “{title}” ({city}) is done.{noteLine}' },
    fr: {
      title: 'Confirmé comme fait par la ville : {title}',
      body: '{contact} a confirmé par lien que « {title} » ({city}) est fait.{noteLine}',
    },
    ar: { title: 'أكدت المدينة الإنجاز: {title}', body: 'أكد {contact} عبر الرابط أن «{title}» ({city}) قد أُنجزت.{noteLine}' },
    es: {
      title: 'La ciudad confirmó que está hecho: {title}',
      body: '{contact} confirmó por enlace que «{title}» ({city}) está hecho.{noteLine}',
    },
  },
  follow_up_not_done: {
    en: {
      title: 'Not done yet, says the city: {title}',
      body: '{contact} reported by link that “{title}” ({city}) is not done yet.{dateLine}{noteLine}',
    },
    fr: {
      title: 'Pas encore fait, selon la ville : {title}',
      body: '{contact} a indiqué par lien que « {title} » ({city}) n’est pas encore fait.{dateLine}{noteLine}',
    },
    ar: {
      title: 'لم تُنجز بعد، بحسب المدينة: {title}',
      body: 'أفاد {contact} عبر الرابط بأن «{title}» ({city}) لم تُنجز بعد.{dateLine}{noteLine}',
    },
    es: {
      title: 'Aún no está hecho, según la ciudad: {title}',
      body: '{contact} indicó por enlace que «{title}» ({city}) aún no está hecho.{dateLine}{noteLine}',
    },
  },
};

/** Added to a city contact's answer when it proposes a new date or leaves a note. */
const PROPOSED_DATE: Record<Language, string> = {
  en: ' Proposed new date: {date}.',
  fr: ' Nouvelle date proposée : {date}.',
  ar: ' التاريخ الجديد المقترح: {date}.',
  es: ' Nueva fecha propuesta: {date}.',
};

const NOTE: Record<Language, string> = {
  en: ' Note: {note}',
  fr: ' Note : {note}',
  ar: ' ملاحظة: {note}',
  es: ' Nota: {note}',
};

/** What a notification was filled in with: a reminder rule's values by position, or a story step's by name. */
export type NotificationArgs = string[] | Record<string, string>;

const isReminder = (kind: NotificationKind): kind is ReminderKind => (REMINDER_KINDS as readonly string[]).includes(kind);

/** `%1$s`…`%4$s` filled as PostgreSQL's `format()` fills them when the rules write set-based (null → ''). */
const fillPositional = (template: string, args: readonly string[]): string =>
  template.replace(/%(\d)\$s/g, (_whole, n: string) => args[Number(n) - 1] ?? '');

/**
 * A notification's title and body worded in `language` from its kind and values, so a reader who
 * switched language reads it in the new one. Null for a row written without its values.
 */
export function wordNotification(
  kind: NotificationKind,
  args: NotificationArgs | null,
  language: Language,
): { title: string; body: string } | null {
  if (!args) return null;
  if (isReminder(kind)) {
    if (!Array.isArray(args)) return null;
    const t = NOTIFICATION_MESSAGES[kind][language];
    return { title: fillPositional(t.title, args).slice(0, 300), body: fillPositional(t.body, args) };
  }
  if (Array.isArray(args)) return null;
  const t = NAMED_NOTIFICATIONS[kind][language];
  const values = {
    ...args,
    noteLine: args['note'] ? fill(NOTE[language], { note: args['note'] }) : '',
    dateLine: args['date'] ? fill(PROPOSED_DATE[language], { date: args['date'] }) : '',
  };
  return { title: fill(t.title, values).slice(0, 300), body: fill(t.body, values) };
}
