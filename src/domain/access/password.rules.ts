/**
 * Password complexity (issue 2 §13): at least `minLength` characters and at least three
 * of the four classes (upper case, lower case, digit, symbol); not equal to the user name.
 */
export interface PasswordPolicy {
  minLength: number;
}

export function checkPasswordStrength(password: string, username: string, policy: PasswordPolicy): string | null {
  if (password.length < policy.minLength) return 'PASSWORD_TOO_WEAK';
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return 'PASSWORD_TOO_WEAK';
  if (password.toLowerCase().includes(username.toLowerCase())) return 'PASSWORD_TOO_WEAK';
  return null;
}
