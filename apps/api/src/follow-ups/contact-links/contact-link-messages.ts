import type { Language } from '@impact/contracts';
import type { LinkMailWords } from '../../mail/mail-render';

export const CONTACT_LINK_MAIL: Record<Language, LinkMailWords> = {
  en: {
    subject: 'Please confirm: {title}',
    intro:
      'We are following up on “{title}” ({city}), due {due}. Please tell us where it stands: it takes one minute and needs no account.',
    action: 'Confirm the follow-up',
    expires: 'This link works until {expires}.',
    ignore: 'If you did not expect this e-mail, you can ignore it.',
  },
  fr: {
    subject: 'Merci de confirmer : {title}',
    intro:
      'Nous faisons le suivi de « {title} » ({city}), prévu pour le {due}. Dites-nous où en est cette action : cela prend une minute, sans compte.',
    action: 'Confirmer le suivi',
    expires: 'Ce lien est valable jusqu’au {expires}.',
    ignore: 'Si vous n’attendiez pas ce courriel, vous pouvez l’ignorer.',
  },
  ar: {
    subject: 'يرجى التأكيد: {title}',
    intro: 'نتابع «{title}» ({city})، وموعد استحقاقها {due}. أخبرونا بما وصلت إليه: يستغرق الأمر دقيقة واحدة ولا يحتاج إلى حساب.',
    action: 'تأكيد المتابعة',
    expires: 'يعمل هذا الرابط حتى {expires}.',
    ignore: 'إذا لم تكن تتوقع هذه الرسالة، فيمكنك تجاهلها.',
  },
  es: {
    subject: 'Por favor, confirme: {title}',
    intro:
      'Estamos dando seguimiento a «{title}» ({city}), con vencimiento el {due}. Cuéntenos cómo va: lleva un minuto y no necesita cuenta.',
    action: 'Confirmar el seguimiento',
    expires: 'Este enlace funciona hasta el {expires}.',
    ignore: 'Si no esperaba este correo, puede ignorarlo.',
  },
};

/** What staff are told when a contact answers; `{…}` fill in. */
export const CONTACT_LINK_NOTIFICATIONS: Record<'done' | 'notDone', Record<Language, { title: string; body: string }>> = {
  done: {
    en: { title: 'Confirmed done by the city: {title}', body: '{contact} confirmed by link that “{title}” ({city}) is done.{note}' },
    fr: {
      title: 'Confirmé comme fait par la ville : {title}',
      body: '{contact} a confirmé par lien que « {title} » ({city}) est fait.{note}',
    },
    ar: { title: 'أكدت المدينة الإنجاز: {title}', body: 'أكد {contact} عبر الرابط أن «{title}» ({city}) قد أُنجزت.{note}' },
    es: {
      title: 'La ciudad confirmó que está hecho: {title}',
      body: '{contact} confirmó por enlace que «{title}» ({city}) está hecho.{note}',
    },
  },
  notDone: {
    en: {
      title: 'Not done yet, says the city: {title}',
      body: '{contact} reported by link that “{title}” ({city}) is not done yet.{date}{note}',
    },
    fr: {
      title: 'Pas encore fait, selon la ville : {title}',
      body: '{contact} a indiqué par lien que « {title} » ({city}) n’est pas encore fait.{date}{note}',
    },
    ar: {
      title: 'لم تُنجز بعد، بحسب المدينة: {title}',
      body: 'أفاد {contact} عبر الرابط بأن «{title}» ({city}) لم تُنجز بعد.{date}{note}',
    },
    es: {
      title: 'Aún no está hecho, según la ciudad: {title}',
      body: '{contact} indicó por enlace que «{title}» ({city}) aún no está hecho.{date}{note}',
    },
  },
};

export const PROPOSED_DATE: Record<Language, string> = {
  en: ' Proposed new date: {date}.',
  fr: ' Nouvelle date proposée : {date}.',
  ar: ' التاريخ الجديد المقترح: {date}.',
  es: ' Nueva fecha propuesta: {date}.',
};

export const NOTE: Record<Language, string> = {
  en: ' Note: {note}',
  fr: ' Note : {note}',
  ar: ' ملاحظة: {note}',
  es: ' Nota: {note}',
};

export const NO_DATE: Record<Language, string> = { en: 'no date set', fr: 'sans date', ar: 'دون تاريخ', es: 'sin fecha' };
