import type { Language, PasswordLinkPurpose } from '@impact/contracts';
import type { LinkMailWords } from '../mail/mail-render';

export const PASSWORD_MAIL: Record<PasswordLinkPurpose, Record<Language, LinkMailWords>> = {
  invite: {
    en: {
      subject: 'You are invited to Impact Tracker',
      intro: '{inviter} has created an Impact Tracker account for you ({email}). Choose your password to start.',
      action: 'Choose my password',
      expires: 'This link works once, for 72 hours (until {expires} UTC).',
      ignore: 'If you did not expect this invitation, you can ignore this e-mail.',
    },
    fr: {
      subject: 'Vous êtes invité·e sur Impact Tracker',
      intro: '{inviter} vous a créé un compte Impact Tracker ({email}). Choisissez votre mot de passe pour commencer.',
      action: 'Choisir mon mot de passe',
      expires: 'Ce lien ne sert qu’une fois, pendant 72 heures (jusqu’au {expires} UTC).',
      ignore: 'Si vous n’attendiez pas cette invitation, vous pouvez ignorer ce courriel.',
    },
    ar: {
      subject: 'دعوة للانضمام إلى Impact Tracker',
      intro: 'أنشأ لك {inviter} حسابًا في Impact Tracker ({email}). اختر كلمة المرور للبدء.',
      action: 'اختيار كلمة المرور',
      expires: 'يعمل هذا الرابط مرة واحدة فقط، لمدة 72 ساعة (حتى {expires} بالتوقيت العالمي).',
      ignore: 'إذا لم تكن تتوقع هذه الدعوة، فيمكنك تجاهل هذه الرسالة.',
    },
    es: {
      subject: 'Le invitamos a Impact Tracker',
      intro: '{inviter} le ha creado una cuenta en Impact Tracker ({email}). Elija su contraseña para empezar.',
      action: 'Elegir mi contraseña',
      expires: 'Este enlace sirve una sola vez, durante 72 horas (hasta el {expires} UTC).',
      ignore: 'Si no esperaba esta invitación, puede ignorar este correo.',
    },
  },
  reset: {
    en: {
      subject: 'Reset your Impact Tracker password',
      intro: 'Someone asked to reset the password of your Impact Tracker account ({email}). Choose a new password with this link.',
      action: 'Choose a new password',
      expires: 'This link works once, for 1 hour (until {expires} UTC).',
      ignore: 'If you did not ask for this, ignore this e-mail: your password stays as it is.',
    },
    fr: {
      subject: 'Réinitialiser votre mot de passe Impact Tracker',
      intro:
        'Une demande de réinitialisation du mot de passe de votre compte Impact Tracker ({email}) a été faite. Choisissez un nouveau mot de passe avec ce lien.',
      action: 'Choisir un nouveau mot de passe',
      expires: 'Ce lien ne sert qu’une fois, pendant 1 heure (jusqu’au {expires} UTC).',
      ignore: 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce courriel : votre mot de passe reste inchangé.',
    },
    ar: {
      subject: 'إعادة تعيين كلمة مرور Impact Tracker',
      intro: 'طلب أحدهم إعادة تعيين كلمة مرور حسابك في Impact Tracker ({email}). اختر كلمة مرور جديدة عبر هذا الرابط.',
      action: 'اختيار كلمة مرور جديدة',
      expires: 'يعمل هذا الرابط مرة واحدة فقط، لمدة ساعة واحدة (حتى {expires} بالتوقيت العالمي).',
      ignore: 'إذا لم تطلب ذلك، فتجاهل هذه الرسالة: ستبقى كلمة المرور كما هي.',
    },
    es: {
      subject: 'Restablecer su contraseña de Impact Tracker',
      intro:
        'Alguien pidió restablecer la contraseña de su cuenta de Impact Tracker ({email}). Elija una nueva contraseña con este enlace.',
      action: 'Elegir una nueva contraseña',
      expires: 'Este enlace sirve una sola vez, durante 1 hora (hasta el {expires} UTC).',
      ignore: 'Si no lo pidió usted, ignore este correo: su contraseña no cambia.',
    },
  },
};
