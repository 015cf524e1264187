import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * A National Provider Identifier is 10 digits whose last one is a Luhn check digit computed over
 * the card-issuer prefix 80840 followed by the first nine digits (CMS NPI check-digit standard).
 */
export function isValidNpi(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const digits = `80840${value}`.split('').map(Number).reverse();
  const sum = digits.reduce((total, digit, index) => {
    if (index % 2 === 0) return total + digit;
    const doubled = digit * 2;
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return sum % 10 === 0;
}

export function IsNpi(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNpi',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'npi must be a 10-digit National Provider Identifier with a valid check digit', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidNpi(value) },
    });
}
