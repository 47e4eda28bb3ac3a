import { z } from "zod";
import { isPrintable } from "~/utils/text";

// Messages are i18n keys ("accounts.error.*"), translated where they are shown.
const email = z.string().trim().min(1, "accounts.error.required").max(200).pipe(z.email("accounts.error.emailInvalid"));
export const newPassword = z
  .string()
  .min(12, "accounts.error.passwordShort")
  .max(200)
  .refine((v) => !v.includes("\u0000"), "accounts.error.passwordShort");

export const SignInSchema = z.object({
  email,
  password: z.string().min(1, "accounts.error.required").max(200),
  redirectTo: z.string().optional(),
});
export const SecondFactorSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "accounts.error.second-factor-invalid"),
});
export const ForgotPasswordSchema = z.object({ email });
export const ResetPasswordSchema = z.object({ password: newPassword });
export const AcceptInvitationSchema = z.object({
  displayName: z
    .string()
    .trim()
    .min(1, "accounts.error.required")
    .max(60)
    .refine(isPrintable, "accounts.error.required"),
  password: newPassword,
});

/** The message for zod's own words (a missing or mistyped field) on the account forms. */
export const ACCOUNTS_FALLBACK = "accounts.error.required";
