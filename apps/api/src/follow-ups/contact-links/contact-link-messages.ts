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

export const NO_DATE: Record<Language, string> = { en: 'no date set', fr: 'sans date', ar: 'دون تاريخ', es: 'sin fecha' };
