import { OTP_TTL_SEC } from './otp-rules';

const minutes = OTP_TTL_SEC / 60;

const texts = {
  en: (code: string) =>
    `${code} is your LocalPro Connect login code. It expires in ${minutes} minutes. Never share it with anyone.`,
  hi: (code: string) =>
    `${code} आपका LocalPro Connect लॉगिन कोड है। यह ${minutes} मिनट में समाप्त हो जाएगा। इसे किसी के साथ साझा न करें।`,
};

/** The OTP SMS in the user's language; numbers we don't know yet get English and Hindi both. */
export function otpSmsText(code: string, language: 'en' | 'hi' | null): string {
  if (language === 'hi') return texts.hi(code);
  if (language === 'en') return texts.en(code);
  return `${texts.en(code)}\n${texts.hi(code)}`;
}
